using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DatoCms.ErrorCodes.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DatoCms.ErrorCodes.Generators.Analyzers;

/// <summary>
/// DATO007: <c>AddStandardResilienceHandler</c> and the DatoCMS handler (<c>AddDatoCmsResilienceHandler</c>,
/// or the retry handler <c>AddDatoCmsHttpClient</c> adds) on one <c>IHttpClientBuilder</c>. Only
/// where that is certain: calls in one fluent chain, or on one local or parameter that is never
/// reassigned, in statements of the same block or in one expression body (not in different
/// branches, lambdas or loops' bodies); and never where the method also calls <c>RemoveAllResilienceHandlers</c> on it, or an
/// <c>AddDatoCmsHttpClient</c> visibly decides <c>UseRetryHandler</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StackedResilienceHandlersAnalyzer : DiagnosticAnalyzer
{
    private const string StandardHandler = "AddStandardResilienceHandler";
    private const string DatoCmsHandler = "AddDatoCmsResilienceHandler";
    private const string DatoCmsClient = "AddDatoCmsHttpClient";
    private const string RemoveHandlers = "RemoveAllResilienceHandlers";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(UsageDiagnosticDescriptors.StackedResilienceHandlers);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // As in the other rules: generated code is never analyzed (no Analyze flag), and what is reported is
        // always in the user code just analyzed, so the driver's per-diagnostic generated-code check is skipped.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            // Without the resilience package there is no standard handler to stack. The references are
            // asked first: that answer needs no type lookup, which at compilation start would wait for
            // the source to be declared (see DatoCmsSymbols.Later).
            if (!ReferencedAssemblies.Contain(start.Compilation, "Microsoft.Extensions.Http.Resilience"))
            {
                return;
            }

            var standard = start.Compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.ResilienceHttpClientBuilderExtensions");
            var builder = start.Compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.IHttpClientBuilder");
            if (standard is null || builder is null)
            {
                return;
            }

            // Nor without a DatoCMS handler to stack it with: the integrations the generator wrote.
            if (!start.Compilation.ContainsSymbolsWithName("DatoCmsResilienceHttpClientBuilderExtensions", SymbolFilter.Type)
                && !start.Compilation.ContainsSymbolsWithName("DatoCmsHttpClientServiceCollectionExtensions", SymbolFilter.Type))
            {
                return;
            }

            var symbols = new Symbols(standard, builder);
            start.RegisterOperationBlockStartAction(block =>
            {
                var uses = new BlockUses();
                block.RegisterOperationAction(c => uses.AddInvocation((IInvocationOperation)c.Operation, symbols), OperationKind.Invocation);
                block.RegisterOperationAction(c => uses.AddDeclarator((IVariableDeclaratorOperation)c.Operation, symbols), OperationKind.VariableDeclarator);
                block.RegisterOperationAction(c => uses.AddAssignment(c.Operation), OperationKind.SimpleAssignment, OperationKind.CompoundAssignment, OperationKind.CoalesceAssignment, OperationKind.DeconstructionAssignment, OperationKind.Argument);
                block.RegisterOperationBlockEndAction(c => uses.Report(c));
            });
        });
    }

    private enum Family
    {
        Standard,
        DatoCms,
        Removal,
    }

    private sealed class Symbols
    {
        public Symbols(INamedTypeSymbol standardExtensions, INamedTypeSymbol builder)
        {
            StandardExtensions = standardExtensions;
            Builder = builder;
        }

        public INamedTypeSymbol StandardExtensions { get; }

        public INamedTypeSymbol Builder { get; }

        public bool IsBuilder(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, Builder);
    }

    /// <summary>One call that adds (or removes) handlers on a builder.</summary>
    private sealed class Use
    {
        public Use(object identity, Family family, string name, SyntaxNode statementParent, Location location)
        {
            Identity = identity;
            Family = family;
            Name = name;
            StatementParent = statementParent;
            Location = location;
        }

        /// <summary>The builder: a local or parameter symbol, or the syntax of the call that created it.</summary>
        public object Identity { get; }

        public Family Family { get; }

        /// <summary>How the message names the call.</summary>
        public string Name { get; }

        /// <summary>The block (or compilation unit) whose statement holds the call.</summary>
        public SyntaxNode StatementParent { get; }

        public Location Location { get; }
    }

    /// <summary>What one operation block does to builders; operation actions of one block may run concurrently.</summary>
    private sealed class BlockUses
    {
        private readonly object _gate = new();
        private readonly List<Use> _uses = new();
        private readonly Dictionary<SyntaxNode, ILocalSymbol> _aliases = new();
        private readonly HashSet<ISymbol> _reassigned = new(SymbolEqualityComparer.Default);

        public void AddInvocation(IInvocationOperation invocation, Symbols symbols)
        {
            var method = invocation.TargetMethod;
            var family = method.Name switch
            {
                StandardHandler when SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.StandardExtensions) => Family.Standard,
                DatoCmsHandler when method.ContainingType.Name == "DatoCmsResilienceHttpClientBuilderExtensions" => Family.DatoCms,
                DatoCmsClient when method.ContainingType.Name == "DatoCmsHttpClientServiceCollectionExtensions" && symbols.IsBuilder(method.ReturnType) => Family.DatoCms,
                RemoveHandlers when symbols.IsBuilder(method.ReturnType) => Family.Removal,
                _ => (Family?)null,
            };
            if (family is null || StatementParentOf(invocation.Syntax) is not { } parent)
            {
                return;
            }

            // AddDatoCmsHttpClient creates the builder; the others add to the one they are called on.
            object? identity;
            if (method.Name == DatoCmsClient)
            {
                if (DecidesUseRetryHandler(invocation))
                {
                    return;
                }

                identity = invocation.Syntax;
            }
            else
            {
                identity = IdentityOf(ReceiverOf(invocation, symbols), symbols);
            }

            if (identity is null)
            {
                return;
            }

            var name = method.Name == DatoCmsClient ? DatoCmsClient + " (its retry handler)" : method.Name;
            var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Name.GetLocation() : invocation.Syntax.GetLocation();
            lock (_gate)
            {
                _uses.Add(new Use(identity, family.Value, name, parent, location));
            }
        }

        /// <summary><c>var builder = services.AddHttpClient(...)...</c>: later calls on the local use the builder the chain created.</summary>
        public void AddDeclarator(IVariableDeclaratorOperation declarator, Symbols symbols)
        {
            if (!symbols.IsBuilder(declarator.Symbol.Type) || declarator.Initializer?.Value is not { } value || IdentityOf(value, symbols) is not SyntaxNode root)
            {
                return;
            }

            lock (_gate)
            {
                _aliases[root] = declarator.Symbol;
            }
        }

        /// <summary>A local or parameter assigned, or passed by reference, may hold another builder later: it is left alone.</summary>
        public void AddAssignment(IOperation operation)
        {
            IOperation? target = operation switch
            {
                IAssignmentOperation assignment => assignment.Target,
                IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument => argument.Value,
                _ => null,
            };
            var symbols = target is null ? Enumerable.Empty<ISymbol>() : target.DescendantsAndSelf().Select(SymbolOf).Where(s => s is not null).Cast<ISymbol>();
            lock (_gate)
            {
                foreach (var symbol in symbols)
                {
                    _reassigned.Add(symbol);
                }
            }
        }

        public void Report(OperationBlockAnalysisContext context)
        {
            List<Use> uses;
            lock (_gate)
            {
                // A chain kept in a local is the local's builder.
                uses = _uses
                    .Select(u => u.Identity is SyntaxNode root && _aliases.TryGetValue(root, out var local) ? new Use(local, u.Family, u.Name, u.StatementParent, u.Location) : u)
                    .Where(u => !(u.Identity is ISymbol symbol && _reassigned.Contains(symbol)))
                    .ToList();
            }

            foreach (var builder in uses.GroupBy(u => (u.Identity, u.StatementParent)))
            {
                var calls = builder.OrderBy(u => u.Location.SourceSpan.Start).ToList();
                if (calls.Any(u => u.Family == Family.Removal))
                {
                    // Which handlers survive depends on the order of execution: not judged.
                    continue;
                }

                for (var i = 1; i < calls.Count; i++)
                {
                    var earlier = calls.Take(i).FirstOrDefault(u => u.Family != calls[i].Family);
                    if (earlier is not null)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(UsageDiagnosticDescriptors.StackedResilienceHandlers, calls[i].Location, earlier.Name, calls[i].Name));
                    }
                }
            }
        }

        private static ISymbol? SymbolOf(IOperation operation) => operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };

        /// <summary>The builder an extension method is called on (its <c>this</c> argument).</summary>
        private static IOperation? ReceiverOf(IInvocationOperation invocation, Symbols symbols)
        {
            var receiver = invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
            return receiver is not null && symbols.IsBuilder(OperationHelpers.Unwrap(receiver).Type) ? OperationHelpers.Unwrap(receiver) : null;
        }

        /// <summary>
        /// Which builder <paramref name="operation"/> is: a local or parameter, or the call that created
        /// it at the root of a fluent chain (a builder method returns the builder it was called on);
        /// null when it cannot be told.
        /// </summary>
        private static object? IdentityOf(IOperation? operation, Symbols symbols)
        {
            while (operation is not null)
            {
                operation = OperationHelpers.Unwrap(operation);
                switch (operation)
                {
                    case ILocalReferenceOperation local:
                        return local.Local;
                    case IParameterReferenceOperation parameter:
                        return parameter.Parameter;
                    case IInvocationOperation invocation when symbols.IsBuilder(invocation.Type):
                        var receiver = ReceiverOf(invocation, symbols);
                        if (receiver is null)
                        {
                            return invocation.Syntax;
                        }

                        operation = receiver;
                        break;
                    default:
                        return null;
                }
            }

            return null;
        }

        /// <summary>
        /// Whether an <c>AddDatoCmsHttpClient</c> call's configure delegate may turn the retry handler
        /// off: it mentions <c>UseRetryHandler</c>, or it is not a lambda this method shows.
        /// </summary>
        private static bool DecidesUseRetryHandler(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Type.TypeKind != TypeKind.Delegate)
                {
                    continue;
                }

                if (OperationHelpers.Unwrap(argument.Value) is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
                    || lambda.Descendants().OfType<IPropertyReferenceOperation>().Any(p => p.Property.Name == "UseRetryHandler"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Where the calls that may stack with <paramref name="call"/> are looked for: the block whose
        /// statement (an expression, a declaration or a <c>return</c>) holds it, or the expression body
        /// of a member, local function or lambda that holds it, when nothing between them makes the call
        /// conditional or deferred (a lambda or local function around it, a conditional expression or
        /// access, a switch expression's arm); null otherwise.
        /// </summary>
        private static SyntaxNode? StatementParentOf(SyntaxNode call)
        {
            var child = call;
            for (var node = call.Parent; node is not null; child = node, node = node.Parent)
            {
                switch (node)
                {
                    // An expression body runs whole, once per call of its member, as a single statement would.
                    case ArrowExpressionClauseSyntax:
                        return node;
                    case LambdaExpressionSyntax lambda when lambda.ExpressionBody == child:
                        return child;
                    case LambdaExpressionSyntax or AnonymousMethodExpressionSyntax or ConditionalExpressionSyntax or ConditionalAccessExpressionSyntax or LocalFunctionStatementSyntax or SwitchExpressionArmSyntax:
                        return null;
                    case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.CoalesceExpression) || binary.IsKind(SyntaxKind.LogicalAndExpression) || binary.IsKind(SyntaxKind.LogicalOrExpression):
                        return null;
                    case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.CoalesceAssignmentExpression) && assignment.Right == child:
                        return null;
                    case ExpressionStatementSyntax or LocalDeclarationStatementSyntax or ReturnStatementSyntax:
                        return node.Parent is GlobalStatementSyntax global ? global.Parent : node.Parent is BlockSyntax block ? block : null;
                    case StatementSyntax:
                        return null;
                }
            }

            return null;
        }
    }
}
