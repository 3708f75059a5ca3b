using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DatoCms.ErrorCodes.Generators.Analyzers.Handling;

/// <summary>
/// Recognises a real wait: <c>Task.Delay</c>, <c>Thread.Sleep</c>, <c>PeriodicTimer.WaitForNextTickAsync</c>,
/// <c>WaitHandle.WaitOne</c> with a timeout, or a method of this compilation whose own body does one
/// of those (followed one level deep). <c>SemaphoreSlim.WaitAsync</c> and <c>SpinWait</c> only take
/// turns or burn a few cycles: they are not a wait before a retry. A helper declared in another file
/// counts as a wait when its name says so (Delay, Wait, Sleep, Backoff, Pause), so that we stay
/// silent rather than guess; so does an interface or abstract method (an injected backoff).
/// </summary>
internal sealed class WaitCalls
{
    private static readonly string[] WaitWords = { "Delay", "Wait", "Sleep", "Backoff", "BackOff", "Pause" };

    private readonly ConcurrentDictionary<IMethodSymbol, bool> _helpers = new(SymbolEqualityComparer.Default);

    /// <param name="invocation">The call on the path.</param>
    /// <param name="containingFunction">The function the path is in: calling it again is a retry, not a wait.</param>
    /// <param name="model">The semantic model of the tree the call is in, to read a helper declared there.</param>
    public bool IsWait(IInvocationOperation invocation, ISymbol? containingFunction, SemanticModel? model)
    {
        var method = invocation.TargetMethod;
        if (IsFrameworkWait(method))
        {
            return true;
        }

        if (method.DeclaringSyntaxReferences.IsEmpty || method.IsExtern || SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, containingFunction?.OriginalDefinition))
        {
            return false;
        }

        if (method.IsAbstract)
        {
            // An injected abstraction (IBackoff.WaitAsync, IClock.Delay): no body to read, so the name
            // decides, as for a helper in another file.
            return SaysItWaits(method.Name);
        }

        if (model is null || method.DeclaringSyntaxReferences[0].SyntaxTree != model.SyntaxTree)
        {
            // Another file: reading it would take a second semantic model. Trust a name that says
            // it waits, so that we stay silent rather than guess.
            return SaysItWaits(method.Name);
        }

        return _helpers.GetOrAdd(method.OriginalDefinition, m => HelperWaits(m, model));
    }

    private static bool IsFrameworkWait(IMethodSymbol method)
    {
        // Most calls on a path are not named like a wait: decide on the name before formatting the namespace.
        if (method.Name is not ("Delay" or "Sleep" or "WaitForNextTickAsync" or "WaitOne"))
        {
            return false;
        }

        var type = method.ContainingType;
        var ns = type?.ContainingNamespace;
        return (method.Name, type?.Name) switch
        {
            ("Delay", "Task") => IsSystemThreading(ns?.ContainingNamespace) && ns!.Name == "Tasks",
            ("Delay", "TimeProviderTaskExtensions") => true,
            ("Sleep", "Thread") => IsSystemThreading(ns),
            ("WaitForNextTickAsync", "PeriodicTimer") => IsSystemThreading(ns),
            ("WaitOne", _) => IsSystemThreading(ns) && method.Parameters.Length > 0,
            _ => false,
        };
    }

    /// <summary>The namespace <c>System.Threading</c>, compared by name without formatting it.</summary>
    private static bool IsSystemThreading(INamespaceSymbol? ns) =>
        ns is { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    private static bool SaysItWaits(string name)
    {
        foreach (var word in WaitWords)
        {
            if (name.IndexOf(word, System.StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <param name="method">The helper, declared in the caller's file.</param>
    /// <param name="model">The caller's model: operations of a flow graph carry none of their own.</param>
    private static bool HelperWaits(IMethodSymbol method, SemanticModel model)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != model.SyntaxTree)
            {
                continue;
            }

            var syntax = reference.GetSyntax();
            SyntaxNode? body = syntax switch
            {
                MethodDeclarationSyntax declaration => (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody,
                LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody,
                _ => null,
            };

            if (body is null)
            {
                return true;
            }

            foreach (var node in body.DescendantNodesAndSelf())
            {
                if (node is InvocationExpressionSyntax && model.GetOperation(node) is IInvocationOperation inner && IsFrameworkWait(inner.TargetMethod))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
