using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DatoCms.ErrorCodes.Generators.Analyzers.Handling;

/// <summary>
/// The control-flow graph of the function an operation is written in (member body, local function
/// or lambda), built once per body and shared by every rule that asks.
/// </summary>
internal static class FlowGraphs
{
    private static readonly ConditionalWeakTable<IOperation, GraphBox> Roots = new();

    /// <summary>Null when the operation is not in a body Roslyn can build a graph for.</summary>
    public static ControlFlowGraph? For(IOperation operation, System.Threading.CancellationToken cancellationToken)
    {
        var functions = new List<IOperation>();
        var root = operation;
        while (root.Parent is { } parent)
        {
            if (parent is ILocalFunctionOperation or IAnonymousFunctionOperation)
            {
                functions.Add(parent);
            }

            root = parent;
        }

        var graph = RootGraph(root, cancellationToken);
        for (var i = functions.Count - 1; i >= 0 && graph is not null; i--)
        {
            graph = functions[i] switch
            {
                ILocalFunctionOperation local => Contains(graph.LocalFunctions, local.Symbol) ? graph.GetLocalFunctionControlFlowGraph(local.Symbol, cancellationToken) : null,
                IAnonymousFunctionOperation lambda => FindLambda(graph, lambda.Symbol) is { } flow ? graph.GetAnonymousFunctionControlFlowGraph(flow, cancellationToken) : null,
                _ => null,
            };
        }

        return graph;
    }

    private static ControlFlowGraph? RootGraph(IOperation root, System.Threading.CancellationToken cancellationToken)
    {
        return Roots.GetValue(root, r => new GraphBox(r switch
        {
            IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
            IConstructorBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
            IBlockOperation { Parent: null } block => ControlFlowGraph.Create(block, cancellationToken),
            IFieldInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
            IPropertyInitializerOperation initializer => ControlFlowGraph.Create(initializer, cancellationToken),
            _ => null,
        })).Graph;
    }

    private static bool Contains(System.Collections.Immutable.ImmutableArray<IMethodSymbol> functions, IMethodSymbol symbol)
    {
        foreach (var function in functions)
        {
            if (SymbolEqualityComparer.Default.Equals(function, symbol))
            {
                return true;
            }
        }

        return false;
    }

    private static IFlowAnonymousFunctionOperation? FindLambda(ControlFlowGraph graph, IMethodSymbol symbol)
    {
        foreach (var block in graph.Blocks)
        {
            foreach (var operation in block.Operations)
            {
                if (Find(operation, symbol) is { } found)
                {
                    return found;
                }
            }

            if (block.BranchValue is { } branch && Find(branch, symbol) is { } inBranch)
            {
                return inBranch;
            }
        }

        return null;
    }

    private static IFlowAnonymousFunctionOperation? Find(IOperation operation, IMethodSymbol symbol)
    {
        foreach (var node in operation.DescendantsAndSelf())
        {
            if (node is IFlowAnonymousFunctionOperation flow && SymbolEqualityComparer.Default.Equals(flow.Symbol, symbol))
            {
                return flow;
            }
        }

        return null;
    }

    /// <summary>ConditionalWeakTable cannot hold null, and some roots have no graph.</summary>
    private sealed class GraphBox
    {
        public GraphBox(ControlFlowGraph? graph)
        {
            Graph = graph;
        }

        public ControlFlowGraph? Graph { get; }
    }
}
