namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// How <see cref="DatoCmsJobFollower"/> waits for an asynchronous job: the API answers some
    /// requests (a model update, an environment fork) with 202 and a job id, and the result appears
    /// at <c>GET /job-results/{id}</c>, which answers 404 until the job has finished.
    /// </summary>
    internal sealed class DatoCmsJobOptions
    {
        private global::System.TimeSpan _timeout = global::System.TimeSpan.FromMinutes(10);
        private global::System.TimeSpan _firstPollDelay = global::System.TimeSpan.FromSeconds(1);
        private global::System.TimeSpan _maxPollDelay = global::System.TimeSpan.FromSeconds(10);

        // Null: a value out of range throws (see DatoCmsRejectedSettings).
        private DatoCmsRejectedSettings? _rejected;

        /// <summary>
        /// How long to wait for the job's result before giving up with a <see cref="global::System.TimeoutException"/>
        /// (default 10 minutes; <see cref="global::System.Threading.Timeout.InfiniteTimeSpan"/> waits for ever, as the JavaScript client does).
        /// </summary>
        public global::System.TimeSpan Timeout
        {
            get => _timeout;
            set => _timeout = DatoCmsRejectedSettings.Check(_rejected, nameof(Timeout), value, IsPositiveOrInfinite(value), _timeout, "The job timeout must be positive or infinite.");
        }

        /// <summary>The wait before the first poll (default 1 s); each later wait doubles, up to <see cref="MaxPollDelay"/>.</summary>
        public global::System.TimeSpan FirstPollDelay
        {
            get => _firstPollDelay;
            set => _firstPollDelay = DatoCmsRejectedSettings.Check(_rejected, nameof(FirstPollDelay), value, value >= global::System.TimeSpan.Zero, _firstPollDelay, "The poll delay cannot be negative.");
        }

        /// <summary>The longest wait between two polls (default 10 s).</summary>
        public global::System.TimeSpan MaxPollDelay
        {
            get => _maxPollDelay;
            set => _maxPollDelay = DatoCmsRejectedSettings.Check(_rejected, nameof(MaxPollDelay), value, value >= global::System.TimeSpan.Zero, _maxPollDelay, "The poll delay cannot be negative.");
        }

        /// <summary>Whether each wait is drawn between half and all of its nominal value (on by default), so that many followers do not poll in step.</summary>
        public bool UseJitter { get; set; } = true;

        /// <summary>
        /// Options for a bindable options class to own: a value out of range is remembered for
        /// <see cref="AddRejectedSettings"/> instead of thrown (see <see cref="DatoCmsRejectedSettings"/>).
        /// </summary>
        internal static DatoCmsJobOptions CreateForBinding() => new DatoCmsJobOptions { _rejected = new DatoCmsRejectedSettings() };

        /// <summary>Adds the values rejected since <see cref="CreateForBinding"/>, the options' names prefixed with <paramref name="path"/>.</summary>
        internal void AddRejectedSettings(string path, global::System.Collections.Generic.List<string> problems) => _rejected?.AddTo(path, problems);

        /// <summary>Makes the setters throw again, once the options were validated.</summary>
        internal void RejectAtOnce() => _rejected = null;

        /// <summary>The wait before poll number <paramref name="poll"/> (from 1): doubling from FirstPollDelay, capped, jittered when enabled.</summary>
        internal global::System.TimeSpan PollDelay(int poll)
        {
            var exponent = global::System.Math.Min(global::System.Math.Max(poll - 1, 0), 30);
            var ticks = global::System.Math.Min((double)FirstPollDelay.Ticks * global::System.Math.Pow(2, exponent), global::System.Math.Max(MaxPollDelay.Ticks, 0));
            return DatoCmsRetryPolicy.Jitter(global::System.TimeSpan.FromTicks((long)ticks), UseJitter);
        }

        internal static bool IsPositiveOrInfinite(global::System.TimeSpan value) =>
            value > global::System.TimeSpan.Zero || value == global::System.Threading.Timeout.InfiniteTimeSpan;
    }
}
