using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

// A measuring wrapper, not an analyzer of its own: the wrapped analyzer configures concurrency and
// generated code, it is never loaded by a compiler, and it builds the contexts Roslyn would pass.
#pragma warning disable RS1001, RS1012, RS1025, RS1026, CS0618

namespace DatoCms.ErrorCodes.Benchmarks;

/// <summary>
/// Wraps an analyzer and adds up the CPU time of the calling thread spent in its callbacks
/// (Linux: CLOCK_THREAD_CPUTIME_ID), the same span Roslyn's execution-time telemetry measures but
/// without the time the thread waited for a core: on a shared, loaded machine the wall-clock telemetry
/// mostly measures the other processes. Optionally hands the callbacks a context whose reports go
/// nowhere, to separate the rules' own work from Roslyn's handling of what they report.
/// </summary>
internal sealed class CpuTimedAnalyzer : DiagnosticAnalyzer
{
    private readonly DiagnosticAnalyzer _inner;
    private readonly bool _dropReports;
    private long _nanoseconds;
    private long _jitTicks;
    private long _callbacks;

    public CpuTimedAnalyzer(DiagnosticAnalyzer inner, bool dropReports)
    {
        _inner = inner;
        _dropReports = dropReports;
    }

    public string Name => _inner.GetType().Name;

    public double Milliseconds => Interlocked.Read(ref _nanoseconds) / 1e6;

    public long Callbacks => Interlocked.Read(ref _callbacks);

    /// <summary>Of <see cref="Milliseconds"/>, the time the runtime spent compiling code just in time inside the callbacks.</summary>
    public double JitMilliseconds => TimeSpan.FromTicks(Interlocked.Read(ref _jitTicks)).TotalMilliseconds;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => _inner.Initialize(new Context(context, this));

    private Action<T> Timed<T>(Action<T> action) => argument =>
    {
        var jitStart = System.Runtime.JitInfo.GetCompilationTime(currentThread: true);
        var start = ThreadCpuNanoseconds();
        try
        {
            action(argument);
        }
        finally
        {
            Interlocked.Add(ref _nanoseconds, ThreadCpuNanoseconds() - start);
            Interlocked.Add(ref _jitTicks, (System.Runtime.JitInfo.GetCompilationTime(currentThread: true) - jitStart).Ticks);
            Interlocked.Increment(ref _callbacks);
        }
    };

    private Action<OperationAnalysisContext> TimedOperation(Action<OperationAnalysisContext> action) => Timed<OperationAnalysisContext>(c =>
        action(_dropReports ? new OperationAnalysisContext(c.Operation, c.ContainingSymbol, c.Compilation, c.Options, _ => { }, _ => true, c.CancellationToken) : c));

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>CPU time the calling thread has used, in nanoseconds.</summary>
    public static long ThreadCpuNanoseconds()
    {
        ClockGetTime(3, out var time); // CLOCK_THREAD_CPUTIME_ID
        return (time.Seconds * 1_000_000_000) + time.Nanoseconds;
    }

    private sealed class Context(AnalysisContext inner, CpuTimedAnalyzer owner) : AnalysisContext
    {
        public override void EnableConcurrentExecution() => inner.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => inner.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            inner.RegisterCompilationStartAction(owner.Timed<CompilationStartAnalysisContext>(c => action(new StartContext(c, owner))));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => inner.RegisterCompilationAction(owner.Timed(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => inner.RegisterSemanticModelAction(owner.Timed(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => inner.RegisterSymbolAction(owner.Timed(action), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new NotSupportedException();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => inner.RegisterCodeBlockAction(owner.Timed(action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => inner.RegisterSyntaxTreeAction(owner.Timed(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => inner.RegisterSyntaxNodeAction(owner.Timed(action), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => inner.RegisterOperationAction(owner.TimedOperation(action), operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            inner.RegisterOperationBlockStartAction(owner.Timed<OperationBlockStartAnalysisContext>(c => action(new BlockContext(c, owner))));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => inner.RegisterOperationBlockAction(owner.Timed(action));
    }

    private sealed class StartContext(CompilationStartAnalysisContext inner, CpuTimedAnalyzer owner) : CompilationStartAnalysisContext(inner.Compilation, inner.Options, inner.CancellationToken)
    {
        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => inner.RegisterCompilationEndAction(owner.Timed(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => inner.RegisterSemanticModelAction(owner.Timed(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => inner.RegisterSymbolAction(owner.Timed(action), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new NotSupportedException();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => inner.RegisterCodeBlockAction(owner.Timed(action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => inner.RegisterSyntaxTreeAction(owner.Timed(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => inner.RegisterSyntaxNodeAction(owner.Timed(action), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => inner.RegisterOperationAction(owner.TimedOperation(action), operationKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) =>
            inner.RegisterOperationBlockStartAction(owner.Timed<OperationBlockStartAnalysisContext>(c => action(new BlockContext(c, owner))));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => inner.RegisterOperationBlockAction(owner.Timed(action));
    }

    private sealed class BlockContext(OperationBlockStartAnalysisContext inner, CpuTimedAnalyzer owner)
        : OperationBlockStartAnalysisContext(inner.OperationBlocks, inner.OwningSymbol, inner.Compilation, inner.Options, inner.CancellationToken)
    {
        public override void RegisterOperationBlockEndAction(Action<OperationBlockAnalysisContext> action) => inner.RegisterOperationBlockEndAction(owner.Timed(action));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => inner.RegisterOperationAction(owner.TimedOperation(action), operationKinds);
    }
}
