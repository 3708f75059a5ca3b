namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// Subscribes OpenTelemetry to the retry telemetry (<see cref="DatoCmsTelemetry"/>) by name, so an
    /// application does not have to know the meter's and activity source's names. Generated where
    /// OpenTelemetry.Api is referenced (the OpenTelemetry SDK and its hosting package bring it).
    /// </summary>
    internal static class DatoCmsOpenTelemetryBuilderExtensions
    {
        /// <summary>
        /// Collects the DatoCMS client metrics: retries, 429s received, exhausted retries, waits and
        /// Redis fall-backs (the meter <see cref="DatoCmsTelemetry.MeterName"/>).
        /// </summary>
        /// <param name="builder">The meter provider's builder.</param>
        /// <returns>The same builder, for chaining.</returns>
        public static global::OpenTelemetry.Metrics.MeterProviderBuilder AddDatoCmsInstrumentation(this global::OpenTelemetry.Metrics.MeterProviderBuilder builder)
        {
            if (builder is null)
            {
                throw new global::System.ArgumentNullException(nameof(builder));
            }

            return builder.AddMeter(DatoCmsTelemetry.MeterName);
        }

        /// <summary>
        /// Records the DatoCMS retries in traces: a <c>datocms.retry</c> event on the current activity,
        /// or a short <c>datocms.retry</c> activity when there is none (the activity source
        /// <see cref="DatoCmsTelemetry.ActivitySourceName"/>).
        /// </summary>
        /// <param name="builder">The tracer provider's builder.</param>
        /// <returns>The same builder, for chaining.</returns>
        public static global::OpenTelemetry.Trace.TracerProviderBuilder AddDatoCmsInstrumentation(this global::OpenTelemetry.Trace.TracerProviderBuilder builder)
        {
            if (builder is null)
            {
                throw new global::System.ArgumentNullException(nameof(builder));
            }

            return builder.AddSource(DatoCmsTelemetry.ActivitySourceName);
        }
    }
}
