namespace DatoCms.ErrorCodes
{
    /// <summary>Reads the rate-limit headers named in the spec's limits, whatever their case.</summary>
    internal static class DatoCmsRateLimitHeaders // always internal
    {
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
        /// over 100,000 (no real window is that large; the throttle's arithmetic on window sizes
        /// must not overflow, and a consumer may compile with overflow checks on).
        /// </summary>
        public static int? ReadInt(global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IEnumerable<string>>>? headers, string name)
        {
            var text = Find(headers, name);
            if (text != null && int.TryParse(text, global::System.Globalization.NumberStyles.Integer, global::System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 0 && value <= 100000)
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
