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

        /// <summary>
        /// How long to wait for the job's result before giving up with a <see cref="global::System.TimeoutException"/>
        /// (default 10 minutes; <see cref="global::System.Threading.Timeout.InfiniteTimeSpan"/> waits for ever, as the JavaScript client does).
        /// </summary>
        public global::System.TimeSpan Timeout
        {
            get => _timeout;
            set => _timeout = IsPositiveOrInfinite(value) ? value : throw new global::System.ArgumentOutOfRangeException(nameof(value), value, "The job timeout must be positive or infinite.");
        }

        /// <summary>The wait before the first poll (default 1 s); each later wait doubles, up to <see cref="MaxPollDelay"/>.</summary>
        public global::System.TimeSpan FirstPollDelay
        {
            get => _firstPollDelay;
            set => _firstPollDelay = value >= global::System.TimeSpan.Zero ? value : throw new global::System.ArgumentOutOfRangeException(nameof(value), value, "The poll delay cannot be negative.");
        }

        /// <summary>The longest wait between two polls (default 10 s).</summary>
        public global::System.TimeSpan MaxPollDelay
        {
            get => _maxPollDelay;
            set => _maxPollDelay = value >= global::System.TimeSpan.Zero ? value : throw new global::System.ArgumentOutOfRangeException(nameof(value), value, "The poll delay cannot be negative.");
        }

        /// <summary>Whether each wait is drawn between half and all of its nominal value (on by default), so that many followers do not poll in step.</summary>
        public bool UseJitter { get; set; } = true;

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
