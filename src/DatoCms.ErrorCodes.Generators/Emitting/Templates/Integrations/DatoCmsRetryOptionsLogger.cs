namespace DatoCms.ErrorCodes
{
    /// <summary>The logger option, generated where Microsoft.Extensions.Logging.Abstractions is referenced.</summary>
    sealed partial class DatoCmsRetryOptions
    {
        /// <summary>
        /// Where retries, exhausted retries and throttle waits are logged (category of your choice,
        /// "DatoCms.ErrorCodes" when the DI helpers create it); null, the default, logs nothing.
        /// </summary>
        public global::Microsoft.Extensions.Logging.ILogger? Logger { get; set; }
    }
}
