using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DatoCms.ErrorCodes.Generators.Analyzers.Handling;

/// <summary>
/// A collection in a local that nobody outside the function can ever see: made there with
/// <c>new</c>, and used for nothing but adding to it, clearing it and reading its size. An error
/// added to it dies with the function, as one added to a list of the catch's own does. Any other
/// use may hand the errors on (returned, passed to a method, thrown in an <c>AggregateException</c>,
/// enumerated, assigned, aliased), and so may a <c>throw</c> elsewhere in its block (a count can
/// decide to report the failures by throwing): then the add keeps the error, as the rule stays
/// silent where it is unsure.
/// </summary>
internal static class LocalCollections
{
    /// <summary>Whether <paramref name="receiver"/>, the collection an error is added to in <paramref name="catchSyntax"/>, dies with its function.</summary>
    public static bool DiesWithTheFunction(IOperation receiver, SemanticModel? model, CatchClauseSyntax? catchSyntax)
    {
        if (model is null || catchSyntax is null
            || OperationHelpers.Unwrap(receiver) is not ILocalReferenceOperation { Local: { IsRef: false } local }
            || local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax { Parent: BlockSyntax scope } }
            || model.GetOperation(scope) is not { } block)
        {
            return false;
        }

        var madeHere = false;
        foreach (var operation in block.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    var initializer = declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer;
                    madeHere = initializer is not null && OperationHelpers.Unwrap(initializer.Value) is IObjectCreationOperation;
                    break;
                case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local) && !OnlyAddsOrCounts(reference):
                    return false;
                case IThrowOperation thrown when !catchSyntax.Span.Contains(thrown.Syntax.Span):
                    return false;
            }
        }

        return madeHere;
    }

    /// <summary><c>list.Add(...)</c>, <c>list.Clear()</c>, <c>list.Count</c>: a use that cannot let the items out.</summary>
    private static bool OnlyAddsOrCounts(ILocalReferenceOperation reference)
    {
        var user = reference.Parent;
        while (user is IConversionOperation { IsImplicit: true })
        {
            user = user.Parent;
        }

        return user switch
        {
            IInvocationOperation { Instance: { } instance } invocation => OperationHelpers.Unwrap(instance) == reference
                && (CollectionAdds.IsAddingName(invocation.TargetMethod.Name) || invocation.TargetMethod.Name == "Clear"),
            IPropertyReferenceOperation { Instance: { } instance, Property.Name: "Count" or "Length" or "IsEmpty" } => OperationHelpers.Unwrap(instance) == reference,
            _ => false,
        };
    }
}
