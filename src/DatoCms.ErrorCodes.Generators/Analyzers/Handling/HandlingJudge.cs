using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DatoCms.ErrorCodes.Generators.Analyzers.Handling;

/// <summary>
/// The one judgement every rule shares. From the point where a possibly transient API error is
/// caught or examined, it follows every path of the function's control-flow graph and classifies
/// how each one leaves:
/// <list type="bullet">
/// <item>propagates: a throw or rethrow, <c>ExceptionDispatchInfo.Throw</c>, <c>SetException</c>, a
/// return whose value carries the error (a result type, a tuple, <c>Task.FromException</c>), or the
/// error stored in a parameter, field or outer local for later, or added to a collection kept there;</item>
/// <item>retries: the try block runs again (loop back edge, <c>goto</c>) or the function calls itself,
/// with or without a real wait on the way (<see cref="WaitCalls"/>);</item>
/// <item>drops: anything else, unless the path's conditions proved the error is not transient there
/// or the author chose a transient error deliberately (<see cref="TransienceConditions"/>).</item>
/// </list>
/// Paths that leave a retry loop after its back edge (or a polling loop after it waited) are a retry
/// running out, not a drop; leaving a loop over items is a drop. When the
/// graph cannot be matched to the code, the verdict is unsure and the rules stay silent.
/// </summary>
internal sealed class HandlingJudge
{
    private const int MaxSteps = 4096;

    private readonly ErrorFacts _facts;
    private readonly TransienceConditions _conditions;
    private readonly WaitCalls _waits;

    public HandlingJudge(ErrorFacts facts, TransienceConditions conditions, WaitCalls waits)
    {
        _facts = facts;
        _conditions = conditions;
        _waits = waits;
    }

    public ErrorFacts Facts => _facts;

    public TransienceConditions Conditions => _conditions;

    /// <summary>Follows the paths out of a catch handler, starting with what the catch receives.</summary>
    public HandlingVerdict JudgeCatch(ICatchClauseOperation catchClause, ErrorState state, ISymbol? containingSymbol, CancellationToken cancellationToken)
    {
        if (FlowGraphs.For(catchClause, cancellationToken) is not { } graph || CatchRegions(graph, catchClause) is not { } regions)
        {
            return HandlingVerdict.Unsure;
        }

        var context = Context(graph, catchClause, catchClause, regions.Try, containingSymbol);
        return Explore(graph, regions.Handler.FirstBlockOrdinal, state, context);
    }

    /// <summary>
    /// Follows the paths from <paramref name="entry"/> (the first statement or value of a switch's
    /// fallback) inside the function that holds <paramref name="anchor"/>.
    /// </summary>
    public HandlingVerdict JudgeFrom(IOperation anchor, SyntaxNode entry, ErrorState state, ISymbol? containingSymbol, CancellationToken cancellationToken)
    {
        if (FlowGraphs.For(anchor, cancellationToken) is not { } graph)
        {
            return HandlingVerdict.Unsure;
        }

        var start = BlockHolding(graph, entry);
        if (start < 0)
        {
            return HandlingVerdict.Unsure;
        }

        var catchClause = OperationHelpers.EnclosingCatch(anchor);
        ControlFlowRegion? tryRegion = null;
        if (catchClause is not null)
        {
            if (CatchRegions(graph, catchClause) is not { } regions)
            {
                return HandlingVerdict.Unsure;
            }

            tryRegion = regions.Try;
        }

        return Explore(graph, start, state, Context(graph, anchor, catchClause, tryRegion, containingSymbol));
    }

    private static PathContext Context(ControlFlowGraph graph, IOperation anchor, ICatchClauseOperation? catchClause, ControlFlowRegion? tryRegion, ISymbol? containingSymbol)
    {
        var function = OperationHelpers.EnclosingFunction(anchor);
        ISymbol? self = function switch
        {
            ILocalFunctionOperation local => local.Symbol,
            IAnonymousFunctionOperation => null,
            _ => containingSymbol,
        };

        var catchSyntax = catchClause?.Syntax as CatchClauseSyntax;
        var tryStatement = catchSyntax?.Parent as TryStatementSyntax;
        var isRetryLoop = tryStatement is not null && RetryLoopShape.IsRetry(tryStatement, catchSyntax!);
        return new PathContext(
            graph,
            new Lazy<Dictionary<CaptureId, List<IOperation>>>(() => CaptureMap(graph)),
            tryRegion?.FirstBlockOrdinal ?? -1,
            tryRegion?.LastBlockOrdinal ?? -1,
            isRetryLoop,
            isRetryLoop ? RetryLoopShape.DoLoopCondition(tryStatement!) : null,
            self,
            catchClause?.Locals.FirstOrDefault(),
            catchSyntax,
            anchor.SemanticModel);
    }

    private HandlingVerdict Explore(ControlFlowGraph graph, int startBlock, ErrorState startState, PathContext context)
    {
        var verdict = new HandlingVerdict();
        var pending = new Stack<PathNode>();
        var seen = new HashSet<PathNode>();
        pending.Push(new PathNode(startBlock, startState, Waited: false, AfterBackEdge: false, Stored: false, LoopedBack: false));
        var steps = 0;
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (!seen.Add(node))
            {
                continue;
            }

            if (++steps > MaxSteps)
            {
                return HandlingVerdict.Unsure;
            }

            var block = graph.Blocks[node.Block];
            if (block.Kind == BasicBlockKind.Exit)
            {
                Dropped(node, verdict);
                continue;
            }

            if (node.Block != startBlock && node.Block >= context.TryFirst && node.Block <= context.TryLast)
            {
                RanAgain(node, context, verdict);
                continue;
            }

            var waited = node.Waited;
            var stored = node.Stored;
            var ended = false;
            foreach (var operation in block.Operations)
            {
                var effect = Scan(operation, node.State, context, ref waited, ref stored);
                if (effect != PathEffect.None)
                {
                    Ended(effect, node.State, waited, verdict);
                    ended = true;
                    break;
                }
            }

            if (ended)
            {
                continue;
            }

            var current = node with { Waited = waited, Stored = stored };
            if (block.BranchValue is { } branchValue)
            {
                var effect = Scan(branchValue, node.State, context, ref waited, ref stored);
                current = current with { Waited = waited, Stored = stored };
                if (effect != PathEffect.None)
                {
                    Ended(effect, node.State, waited, verdict);
                    continue;
                }
            }

            if (block.ConditionalSuccessor is { } conditional && block.BranchValue is { } condition)
            {
                if (!current.Stored && TestsWhetherAnErrorIsKept(condition, context))
                {
                    current = current with { Stored = true };
                }

                var narrowing = _conditions.Evaluate(condition, current.State, inFilter: false, o => Resolve(o, context));
                var (jumpState, fallState) = block.ConditionKind == ControlFlowConditionKind.WhenTrue
                    ? (narrowing.WhenTrue, narrowing.WhenFalse)
                    : (narrowing.WhenFalse, narrowing.WhenTrue);
                Follow(block, conditional, current with { State = jumpState }, context, verdict, pending);
                if (block.FallThroughSuccessor is { } fall)
                {
                    Follow(block, fall, current with { State = fallState }, context, verdict, pending);
                }

                continue;
            }

            if (block.FallThroughSuccessor is { } successor)
            {
                Follow(block, successor, current, context, verdict, pending);
            }
        }

        return verdict;
    }

    private void Follow(BasicBlock from, ControlFlowBranch branch, PathNode node, PathContext context, HandlingVerdict verdict, Stack<PathNode> pending)
    {
        switch (branch.Semantics)
        {
            case ControlFlowBranchSemantics.Throw:
            case ControlFlowBranchSemantics.Rethrow:
            case ControlFlowBranchSemantics.Error:
            case ControlFlowBranchSemantics.ProgramTermination:
                return;
            case ControlFlowBranchSemantics.Return:
                if (from.BranchValue is { } value && CarriesError(value, context, depth: 0))
                {
                    return;
                }

                Dropped(node, verdict);
                return;
            case ControlFlowBranchSemantics.StructuredExceptionHandling:
                return;
        }

        if (branch.Destination is not { } destination)
        {
            return;
        }

        // Leaving a retry loop after a back edge is the retry running out, and leaving a polling
        // loop that waited is its next round not coming; leaving a loop over items is a drop.
        var loopsBack = destination.Ordinal <= from.Ordinal;
        var backEdge = (loopsBack && (context.IsRetryLoop || node.Waited)) || TestsDoLoopCondition(from, context);
        pending.Push(node with { Block = destination.Ordinal, AfterBackEdge = node.AfterBackEdge || backEdge, LoopedBack = node.LoopedBack || loopsBack });
    }

    /// <summary>The block tests the condition at the bottom of a retry <c>do</c> loop: its exit is the retry running out.</summary>
    private static bool TestsDoLoopCondition(BasicBlock block, PathContext context) =>
        context.DoLoopCondition is { } condition
        && block.BranchValue?.Syntax is { } tested
        && tested.SyntaxTree == condition.SyntaxTree
        && condition.Span.Contains(tested.Span);

    private static void Dropped(PathNode node, HandlingVerdict verdict)
    {
        // A polling loop may wait in its condition (PeriodicTimer), after the back edge.
        var roundEnded = node.AfterBackEdge || (node.LoopedBack && node.Waited);
        if (!roundEnded && !node.Stored && ErrorStates.DropLosesTransient(node.State))
        {
            verdict.Drops = true;
        }
    }

    private static void RanAgain(PathNode node, PathContext context, HandlingVerdict verdict)
    {
        if (context.IsRetryLoop)
        {
            Retried(node.State, node.Waited, verdict);
        }
        else if (!node.Waited)
        {
            // A loop over items moves on to the next one: this item's error is dropped. A polling
            // loop that waits before it runs again is a retry.
            Dropped(node with { AfterBackEdge = false, LoopedBack = false }, verdict);
        }
    }

    private static void Ended(PathEffect effect, ErrorState state, bool waited, HandlingVerdict verdict)
    {
        if (effect == PathEffect.CallsItself)
        {
            Retried(state, waited, verdict);
        }
    }

    private static void Retried(ErrorState state, bool waited, HandlingVerdict verdict)
    {
        if (state == ErrorState.Never)
        {
            return;
        }

        if (waited)
        {
            verdict.RetriesAfterWait = true;
        }
        else
        {
            verdict.RetriesWithoutWait = true;
        }
    }

    /// <summary>What one operation on a path does with the error: nothing, end the path by propagating it, or call the function again.</summary>
    private PathEffect Scan(IOperation root, ErrorState state, PathContext context, ref bool waited, ref bool stored)
    {
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    if (_waits.IsWait(invocation, context.Self, context.Model))
                    {
                        waited = true;
                    }
                    else if (context.Self is not null && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, context.Self.OriginalDefinition))
                    {
                        return PathEffect.CallsItself;
                    }
                    else if (Propagates(invocation, context))
                    {
                        return PathEffect.Propagates;
                    }
                    else if (KeepsForLater(invocation, context) || (state <= ErrorState.Only && RequeuesTheWork(invocation, context)))
                    {
                        stored = true;
                    }

                    break;
                case ISimpleAssignmentOperation assignment when StoresForLater(assignment.Target, context) && CarriesError(assignment.Value, context, depth: 0):
                    stored = true;
                    break;
            }
        }

        return PathEffect.None;
    }

    private bool Propagates(IInvocationOperation invocation, PathContext context)
    {
        var method = invocation.TargetMethod;
        var typeName = method.ContainingType?.Name;
        if (method.Name == "Throw" && typeName == "ExceptionDispatchInfo")
        {
            return true;
        }

        if (method.Name is "SetException" or "TrySetException" && typeName == "TaskCompletionSource")
        {
            return invocation.Arguments.Any(a => CarriesError(a.Value, context, depth: 0));
        }

        return false;
    }

    /// <summary>
    /// <c>failures.Add(ex)</c>, <c>_queue.Enqueue(new Failure(id, ex))</c>, <c>writer.TryWrite(ex)</c>: the
    /// error (or a value built from it) put in a collection or channel that outlives the handler, to be
    /// thrown or handed on later, as an assignment there would be. A collection that lives only in the
    /// catch dies with it, so does a local one that the function only adds to and counts
    /// (<see cref="LocalCollections"/>), and an immutable collection's add returns a new one and leaves
    /// the kept one as it was.
    /// </summary>
    private bool KeepsForLater(IInvocationOperation invocation, PathContext context) =>
        CollectionAdds.IsAddingName(invocation.TargetMethod.Name)
        && invocation.Instance is { } receiver
        && OperationHelpers.Unwrap(receiver).Type is { } collection
        && (IsCollection(collection) || IsChannelWriter(collection))
        && !ReturnsANewCollection(invocation.TargetMethod, collection)
        && OwnerOutlivesTheHandler(Resolve(receiver, context), context)
        && StoresForLater(Resolve(receiver, context), context)
        && invocation.Arguments.Any(a => CarriesError(a.Value, context, depth: 0))
        && !LocalCollections.DiesWithTheFunction(Resolve(receiver, context), context.Model, context.CatchSyntax);

    /// <summary>
    /// <c>await retries.WriteAsync(job, ct)</c>, <c>_retries.Enqueue(job)</c>: the work item the try was
    /// running (a parameter, or a local declared outside the catch, that the try block reads; also a copy
    /// made with <c>with</c>) written to a channel or queue that outlives the handler, whose consumer runs
    /// it again. The caller counts it only where the path holds transient errors alone (a filter on
    /// IsTransient, the transient base): there the queue can only be one of retries, where a catch of
    /// every error could as well be parking its failures without what went wrong.
    /// </summary>
    private bool RequeuesTheWork(IInvocationOperation invocation, PathContext context)
    {
        var method = invocation.TargetMethod;
        if (context.Graph is not { } graph || context.TryFirst < 0 || invocation.Instance is not { } receiver || OperationHelpers.Unwrap(receiver).Type is not { } queue
            || !((method.Name is "TryWrite" or "WriteAsync" && IsChannelWriter(queue)) || (method.Name == "Enqueue" && IsCollection(queue)))
            || ReturnsANewCollection(method, queue)
            || !OwnerOutlivesTheHandler(Resolve(receiver, context), context)
            || !StoresForLater(Resolve(receiver, context), context)
            || invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value is not { } written)
        {
            return false;
        }

        var item = OperationHelpers.Unwrap(Resolve(written, context));
        item = item switch
        {
            IWithOperation copy => OperationHelpers.Unwrap(Resolve(copy.Operand, context)),
            IInvocationOperation { TargetMethod.Name: "<Clone>$", Instance: { } original } => OperationHelpers.Unwrap(Resolve(original, context)),
            _ => item,
        };

        ISymbol? work = item switch
        {
            ILocalReferenceOperation local when StoresForLater(local, context) => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };

        return work is not null && !IsTheError(item, context) && TryReads(graph, work, context);
    }

    /// <summary>Whether an operation of the try block reads <paramref name="symbol"/>.</summary>
    private static bool TryReads(ControlFlowGraph graph, ISymbol symbol, PathContext context)
    {
        for (var ordinal = context.TryFirst; ordinal <= context.TryLast; ordinal++)
        {
            var block = graph.Blocks[ordinal];
            foreach (var operation in block.BranchValue is null ? block.Operations : block.Operations.Add(block.BranchValue))
            {
                foreach (var node in operation.DescendantsAndSelf())
                {
                    var read = node switch
                    {
                        ILocalReferenceOperation local => local.Local,
                        IParameterReferenceOperation parameter => (ISymbol)parameter.Parameter,
                        _ => null,
                    };

                    if (read is not null && SymbolEqualityComparer.Default.Equals(read, symbol))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool IsCollection(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_Collections_IEnumerable || type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable);

    private static bool IsChannelWriter(ITypeSymbol type)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (current.Name == "ChannelWriter" && NamespaceNames.Is(current.ContainingNamespace, "System.Threading.Channels"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>ImmutableList.Add</c>, <c>ImmutableArray.Insert</c>, <c>string.Insert</c>: the method returns a
    /// collection of the receiver's own kind (its type or one of its interfaces) instead of changing it.
    /// </summary>
    private static bool ReturnsANewCollection(IMethodSymbol method, ITypeSymbol receiverType) =>
        method.ReturnType is INamedTypeSymbol returned
        && (SymbolEqualityComparer.Default.Equals(returned.OriginalDefinition, receiverType.OriginalDefinition)
            || receiverType.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, returned.OriginalDefinition)));

    /// <summary>
    /// A collection reached through members (<c>channel.Writer</c>, <c>holder.Items</c>) dies with what the
    /// first of them is read from when that certainly dies with the handler: a local of the catch (a
    /// channel made there) or an object made in place (<c>new Holder().Items</c>). What a call returns
    /// may be kept anywhere (<c>_channels.GetOrAdd(id, ...).Writer</c>) and is left as it was.
    /// </summary>
    private static bool OwnerOutlivesTheHandler(IOperation receiver, PathContext context)
    {
        var owner = OperationHelpers.Unwrap(receiver);
        while (owner is IMemberReferenceOperation { Instance: { } instance } and (IFieldReferenceOperation or IPropertyReferenceOperation))
        {
            owner = OperationHelpers.Unwrap(Resolve(instance, context));
        }

        return owner switch
        {
            IObjectCreationOperation or IAnonymousObjectCreationOperation => false,
            ILocalReferenceOperation => StoresForLater(owner, context),
            _ => true,
        };
    }

    /// <summary>
    /// <c>first ??= ExceptionDispatchInfo.Capture(ex)</c>, <c>if (first is null) first = ex</c>,
    /// <c>first = first ?? ex</c>: a test of whether a variable that outlives the handler holds an
    /// error yet, where the handler stores the error in it. Keeping the first error and rethrowing it
    /// later hands one error on, as keeping the last does: the path that finds one kept already drops
    /// this one on purpose (a new user's trial, 2026-12-03).
    /// </summary>
    private bool TestsWhetherAnErrorIsKept(IOperation condition, PathContext context)
    {
        if (context.Graph is not { } graph || context.CatchSyntax is not { } catchSyntax
            || NullTested(OperationHelpers.Unwrap(condition)) is not { } tested)
        {
            return false;
        }

        var target = ResolveThrough(tested, context);
        if (!StoresForLater(target, context) || VariableOf(target) is not { } kept)
        {
            return false;
        }

        foreach (var block in graph.Blocks)
        {
            foreach (var operation in block.Operations)
            {
                foreach (var node in operation.DescendantsAndSelf())
                {
                    if (node is ISimpleAssignmentOperation assignment
                        && catchSyntax.Span.Contains(assignment.Syntax.Span)
                        && SymbolEqualityComparer.Default.Equals(VariableOf(ResolveThrough(assignment.Target, context)), kept)
                        && CarriesError(assignment.Value, context, depth: 0))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The operation a chain of flow captures stands for (<c>??=</c> captures a capture of its target).</summary>
    private static IOperation ResolveThrough(IOperation operation, PathContext context)
    {
        var resolved = OperationHelpers.Unwrap(operation);
        for (var depth = 0; depth < 4 && resolved is IFlowCaptureReferenceOperation; depth++)
        {
            resolved = OperationHelpers.Unwrap(Resolve(resolved, context));
        }

        return resolved;
    }

    /// <summary>What a null test tests: <c>x is null</c>, <c>x == null</c>, <c>x != null</c>, <c>!(...)</c>, and the graph's own test for <c>??</c> and <c>??=</c>.</summary>
    private static IOperation? NullTested(IOperation condition) => condition switch
    {
        IIsNullOperation isNull => isNull.Operand,
        IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not => NullTested(OperationHelpers.Unwrap(not.Operand)),
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary when IsNull(binary.RightOperand) => binary.LeftOperand,
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary when IsNull(binary.LeftOperand) => binary.RightOperand,
        IIsPatternOperation { Pattern: IConstantPatternOperation constant } pattern when IsNull(constant.Value) => pattern.Value,
        IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: IConstantPatternOperation constant } } pattern when IsNull(constant.Value) => pattern.Value,
        _ => null,
    };

    private static bool IsNull(IOperation operation) =>
        OperationHelpers.Unwrap(operation).ConstantValue is { HasValue: true, Value: null };

    private static ISymbol? VariableOf(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IFieldReferenceOperation field => field.Field,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IPropertyReferenceOperation property => property.Property,
        _ => null,
    };

    /// <summary>
    /// A parameter (a captured primary-constructor parameter too), <c>this</c>, a field, a property, an
    /// element of one of them, or a local declared outside the catch: somewhere the error outlives the handler.
    /// </summary>
    private static bool StoresForLater(IOperation target, PathContext context) => OperationHelpers.Unwrap(target) switch
    {
        IParameterReferenceOperation or IInstanceReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation => true,
        IArrayElementReferenceOperation element => StoresForLater(Resolve(element.ArrayReference, context), context),
        ILocalReferenceOperation local => context.CatchSyntax is null
            || local.Local.DeclaringSyntaxReferences.All(r => !context.CatchSyntax.Span.Contains(r.Span)) && local.Local.DeclaringSyntaxReferences.Length > 0,
        _ => false,
    };

    /// <summary>
    /// For a straight-line catch directly in a retry loop (<see cref="CatchShortcuts.LoopsStraightBack"/>):
    /// whether the loop waits anywhere outside the other catch clauses of the same try, which is
    /// what the graph would find on the way back to the next attempt.
    /// </summary>
    public bool LoopWaits(ICatchClauseOperation catchClause, ISymbol? containingSymbol)
    {
        if (catchClause.Parent is not ITryOperation tryOperation || tryOperation.Parent?.Parent is not ILoopOperation loop)
        {
            return true;
        }

        var self = OperationHelpers.EnclosingFunction(catchClause) is ILocalFunctionOperation local ? local.Symbol : containingSymbol;
        foreach (var operation in loop.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation invocation && !InOtherCatch(invocation, tryOperation, catchClause) && _waits.IsWait(invocation, self, catchClause.SemanticModel))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InOtherCatch(IOperation operation, ITryOperation tryOperation, ICatchClauseOperation catchClause)
    {
        for (var node = operation.Parent; node is not null && node != tryOperation; node = node.Parent)
        {
            if (node is ICatchClauseOperation other && other != catchClause && other.Parent == tryOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a value written in the source (not in a flow graph), such as the expression a
    /// switch's fallback returns, hands the error on; <paramref name="catchLocal"/> is the variable
    /// of the enclosing catch, if any.
    /// </summary>
    public bool HandsOnTheError(IOperation value, ILocalSymbol? catchLocal) =>
        value.DescendantsAndSelf().Any(o => _facts.IsTransientQuestion(o) || _facts.IsRetryKindRead(o)) ||
        CarriesError(value, new PathContext(null, new Lazy<Dictionary<CaptureId, List<IOperation>>>(() => new Dictionary<CaptureId, List<IOperation>>()), -1, -1, false, null, null, catchLocal, null, value.SemanticModel), depth: 0);

    /// <summary>
    /// The value hands the error on: it holds the exception itself, or what a caller needs to decide
    /// about retrying (Code, IsTransient, RetryKind, RateLimitReset, Errors). <c>ex.Message</c> does not.
    /// </summary>
    private bool CarriesError(IOperation value, PathContext context, int depth)
    {
        if (depth > 4)
        {
            return false;
        }

        foreach (var operation in value.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IFlowCaptureReferenceOperation capture when context.Captures.TryGetValue(capture.Id, out var captured):
                    if (captured.Any(c => CarriesError(c, context, depth + 1)))
                    {
                        return true;
                    }

                    break;
                case ILocalReferenceOperation or IParameterReferenceOperation when IsTheError(operation, context):
                    var user = operation.Parent;
                    while (user is IConversionOperation { IsImplicit: true })
                    {
                        user = user.Parent;
                    }

                    if (user is IMemberReferenceOperation member && member.Instance is { } instance && OperationHelpers.Unwrap(instance) == operation)
                    {
                        if (member.Member.Name is "Code" or "IsTransient" or "RetryKind" or "RateLimitReset" or "Errors")
                        {
                            return true;
                        }

                        break;
                    }

                    if (user is IInvocationOperation { Instance: { } receiver } && OperationHelpers.Unwrap(receiver) == operation)
                    {
                        break;
                    }

                    return true;
            }
        }

        return false;
    }

    private bool IsTheError(IOperation reference, PathContext context) => reference switch
    {
        ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, context.CatchLocal) || _facts.Symbols.IsApiErrorCarrier(local.Type),
        IParameterReferenceOperation parameter => _facts.Symbols.IsApiErrorCarrier(parameter.Type),
        _ => false,
    };

    private static IOperation Resolve(IOperation operation, PathContext context) =>
        OperationHelpers.Unwrap(operation) is IFlowCaptureReferenceOperation capture && context.Captures.TryGetValue(capture.Id, out var values) && values.Count == 1
            ? values[0]
            : operation;

    private static Dictionary<CaptureId, List<IOperation>> CaptureMap(ControlFlowGraph graph)
    {
        var map = new Dictionary<CaptureId, List<IOperation>>();
        foreach (var block in graph.Blocks)
        {
            foreach (var operation in block.Operations)
            {
                foreach (var node in operation.DescendantsAndSelf())
                {
                    if (node is IFlowCaptureOperation capture)
                    {
                        if (!map.TryGetValue(capture.Id, out var list))
                        {
                            map[capture.Id] = list = new List<IOperation>();
                        }

                        list.Add(capture.Value);
                    }
                }
            }
        }

        return map;
    }

    /// <summary>The first block with an operation written inside <paramref name="entry"/>; -1 when there is none.</summary>
    private static int BlockHolding(ControlFlowGraph graph, SyntaxNode entry)
    {
        foreach (var block in graph.Blocks)
        {
            foreach (var operation in block.Operations.Concat(block.BranchValue is null ? Enumerable.Empty<IOperation>() : new[] { block.BranchValue }))
            {
                foreach (var node in operation.DescendantsAndSelf())
                {
                    if (node.Syntax.SyntaxTree == entry.SyntaxTree && entry.Span.Contains(node.Syntax.Span))
                    {
                        return block.Ordinal;
                    }
                }
            }
        }

        return -1;
    }

    /// <summary>
    /// The try region and the handler region of <paramref name="catchClause"/>: try statements with
    /// catches, in source order, match the graph's try-and-catch regions in pre-order.
    /// </summary>
    private static (ControlFlowRegion Try, ControlFlowRegion Handler)? CatchRegions(ControlFlowGraph graph, ICatchClauseOperation catchClause)
    {
        if (catchClause.Syntax is not CatchClauseSyntax { Parent: TryStatementSyntax tryStatement } catchSyntax)
        {
            return null;
        }

        var root = graph.OriginalOperation.Syntax;
        var statements = root
            .DescendantNodes(n => n == root || !(n is LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax || n is MemberDeclarationSyntax and not GlobalStatementSyntax))
            .OfType<TryStatementSyntax>()
            .Where(t => t.Catches.Count > 0)
            .ToList();
        var regions = new List<ControlFlowRegion>();
        CollectTryAndCatch(graph.Root, regions);
        var index = statements.IndexOf(tryStatement);
        if (index < 0 || statements.Count != regions.Count)
        {
            return null;
        }

        var region = regions[index];
        var catchIndex = tryStatement.Catches.IndexOf(catchSyntax);
        if (region.NestedRegions.Length != tryStatement.Catches.Count + 1 || region.NestedRegions[0].Kind != ControlFlowRegionKind.Try)
        {
            return null;
        }

        var handler = region.NestedRegions[catchIndex + 1];
        if (handler.Kind == ControlFlowRegionKind.FilterAndHandler)
        {
            handler = handler.NestedRegions.LastOrDefault(r => r.Kind == ControlFlowRegionKind.Catch);
        }

        return handler is { Kind: ControlFlowRegionKind.Catch } ? (region.NestedRegions[0], handler) : null;
    }

    private static void CollectTryAndCatch(ControlFlowRegion region, List<ControlFlowRegion> found)
    {
        if (region.Kind == ControlFlowRegionKind.TryAndCatch)
        {
            found.Add(region);
        }

        foreach (var nested in region.NestedRegions)
        {
            CollectTryAndCatch(nested, found);
        }
    }

    private enum PathEffect
    {
        None,
        Propagates,
        CallsItself,
    }

    private readonly record struct PathNode(int Block, ErrorState State, bool Waited, bool AfterBackEdge, bool Stored, bool LoopedBack);

    private sealed record PathContext(
        ControlFlowGraph? Graph,
        Lazy<Dictionary<CaptureId, List<IOperation>>> CaptureValues,
        int TryFirst,
        int TryLast,
        bool IsRetryLoop,
        ExpressionSyntax? DoLoopCondition,
        ISymbol? Self,
        ILocalSymbol? CatchLocal,
        CatchClauseSyntax? CatchSyntax,
        SemanticModel? Model)
    {
        public Dictionary<CaptureId, List<IOperation>> Captures => CaptureValues.Value;
    }
}
