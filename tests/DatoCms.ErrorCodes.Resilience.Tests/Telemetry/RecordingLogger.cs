using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace DatoCms.ErrorCodes.Resilience.Tests.Telemetry;

/// <summary>A logger (and provider) that keeps every entry: level, event id, message and structured fields.</summary>
public sealed class RecordingLogger : ILogger, ILoggerProvider
{
    public ConcurrentQueue<LogRecord> Records { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.ToDictionary(p => p.Key, p => p.Value)
            : new Dictionary<string, object?>();
        Records.Enqueue(new LogRecord(logLevel, eventId, formatter(state, exception), fields));
    }

    public ILogger CreateLogger(string categoryName) => this;

    public void Dispose()
    {
    }
}

public sealed record LogRecord(LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Fields);
