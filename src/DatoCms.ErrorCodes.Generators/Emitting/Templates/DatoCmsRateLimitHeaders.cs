namespace DatoCms.ErrorCodes
{
    /// <summary>Reads the rate-limit headers named in the spec's limits, whatever their case.</summary>
    internal static class DatoCmsRateLimitHeaders // always internal
    {
        /// <summary>
        /// The most requests per window the throttle works with, from a header or the options: no
        /// real plan comes near it, and its arithmetic on counts must not overflow (a consumer may
        /// compile with overflow checks on).
        /// </summary>
        public const int MostRequestsPerWindow = 100000;

        /// <summary>The longest rate-limit window the throttle works with, for the same reason.</summary>
        public static readonly global::System.TimeSpan LongestWindow = global::System.TimeSpan.FromDays(1);

        /// <summary>X-RateLimit-Reset as a wait; null when absent, unreadable or not positive.</summary>
        public static global::System.TimeSpan? ReadReset(global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IEnumerable<string>>>? headers)
        {
            var text = Find(headers, DatoCmsLimits.RateLimitResetHeader);
            if (text != null
                && double.TryParse(text, global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                && seconds > 0
                && seconds < 86400 * 31)
            {
                return global::System.TimeSpan.FromSeconds(seconds);
            }

            return null;
        }

        /// <summary>
        /// A whole-number header such as X-RateLimit-Limit; null when absent, unreadable, negative or
        /// over <see cref="MostRequestsPerWindow"/>.
        /// </summary>
        public static int? ReadInt(global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IEnumerable<string>>>? headers, string name)
        {
            var text = Find(headers, name);
            if (text != null && int.TryParse(text, global::System.Globalization.NumberStyles.Integer, global::System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 0 && value <= MostRequestsPerWindow)
            {
                return value;
            }

            return null;
        }

        private static string? Find(global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IEnumerable<string>>>? headers, string name)
        {
            if (headers is null)
            {
                return null;
            }

            foreach (var header in headers)
            {
                if (string.Equals(header.Key, name, global::System.StringComparison.OrdinalIgnoreCase) && header.Value != null)
                {
                    foreach (var value in header.Value)
                    {
                        return value?.Trim();
                    }
                }
            }

            return null;
        }
    }
}
