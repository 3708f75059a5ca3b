using System;
using System.Collections.Generic;

namespace DatoCms.ErrorCodes.Generators.Validation;

/// <summary>
/// Exception types of .NET in namespaces nearly every file imports (System, System.IO,
/// System.Net, System.Net.Http, System.Text, System.Text.Json, System.Threading,
/// System.Threading.Tasks, System.Collections, System.Collections.Generic, System.Linq). A code's
/// exception with one of these names would make <c>catch (TimeoutException)</c> ambiguous in the
/// consumer's code, so it gets a "DatoCms" prefix instead (DATO119). A test keeps the list complete.
/// </summary>
internal static class FrameworkExceptionNames
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "AbandonedMutexException", "AccessViolationException", "AggregateException", "AppDomainUnloadedException",
        "ApplicationException", "ArgumentException", "ArgumentNullException", "ArgumentOutOfRangeException",
        "ArithmeticException", "ArrayTypeMismatchException", "BadImageFormatException", "BarrierPostPhaseException",
        "CannotUnloadAppDomainException", "ContextMarshalException", "CookieException", "DataMisalignedException",
        "DecoderFallbackException", "DirectoryNotFoundException", "DivideByZeroException", "DllNotFoundException",
        "DriveNotFoundException", "DuplicateWaitObjectException", "EncoderFallbackException", "EndOfStreamException",
        "EntryPointNotFoundException", "Exception", "ExecutionEngineException", "FieldAccessException",
        "FileLoadException", "FileNotFoundException", "FormatException", "HttpIOException", "HttpListenerException",
        "HttpProtocolException", "HttpRequestException", "IOException", "IndexOutOfRangeException",
        "InsufficientExecutionStackException", "InsufficientMemoryException", "InternalBufferOverflowException",
        "InvalidCastException", "InvalidDataException", "InvalidOperationException", "InvalidProgramException",
        "InvalidTimeZoneException", "JsonException", "KeyNotFoundException", "LockRecursionException",
        "MemberAccessException", "MethodAccessException", "MissingFieldException", "MissingMemberException",
        "MissingMethodException", "MulticastNotSupportedException", "NotFiniteNumberException",
        "NotImplementedException", "NotSupportedException", "NullReferenceException", "ObjectDisposedException",
        "OperationCanceledException", "OutOfMemoryException", "OverflowException", "PathTooLongException",
        "PlatformNotSupportedException", "ProtocolViolationException", "RankException", "SemaphoreFullException",
        "StackOverflowException", "SynchronizationLockException", "SystemException", "TaskCanceledException",
        "TaskSchedulerException", "ThreadAbortException", "ThreadInterruptedException", "ThreadStartException",
        "ThreadStateException", "TimeZoneNotFoundException", "TimeoutException", "TypeAccessException",
        "TypeInitializationException", "TypeLoadException", "TypeUnloadedException", "UnauthorizedAccessException",
        "UriFormatException", "WaitHandleCannotBeOpenedException", "WebException"
    };

    public static bool IsCommon(string typeName) => Names.Contains(typeName);
}
