namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// The Lua scripts <see cref="DatoCmsRedisRateLimiter"/> runs on the Redis server. Each one is a
    /// single atomic step, and each reads the time from Redis (<c>TIME</c>) rather than from the
    /// caller, so workers whose clocks disagree still share one timeline.
    /// </summary>
    internal static class DatoCmsRedisRateLimitScripts // always internal
    {
        /// <summary>
        /// Reserves slots in a sliding log and says how long to wait for the last one.
        /// KEYS: the log (sorted set of slot times in microseconds), the pause key, the shared limit key.
        /// ARGV: the window in microseconds (margin included), the default limit, the number of permits,
        /// a member prefix unique to this acquisition, the longest wait in microseconds that may be
        /// reserved (-1: any), and whether slots are spread evenly (1) or may come in a burst (0).
        /// Returns { reserved (1 or 0), wait in microseconds, limit in force }.
        /// </summary>
        /// <remarks>
        /// Slots are handed out in the order requests reach Redis and never earlier than the one before,
        /// so every worker is served first come, first served. A new slot goes no earlier than the
        /// limit-th most recent one plus the window, so no window of that length ever holds more
        /// slots than the limit, wherever the server's own windows fall. Spread evenly, a slot also
        /// comes no earlier than the window divided by the limit after the one before, so a worker
        /// that starts first cannot take a whole window's worth at once. A published pause moves the
        /// earliest slot past its end: PTTL counts whole milliseconds, and a key it reports at 0 still
        /// exists for up to one more.
        /// </remarks>
        public const string Reserve = @"
if redis.replicate_commands then pcall(redis.replicate_commands) end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local span = tonumber(ARGV[1])
local limit = tonumber(redis.call('GET', KEYS[3]) or ARGV[2]) or tonumber(ARGV[2])
if limit < 1 then limit = 1 end
local permits = tonumber(ARGV[3])
local maxWait = tonumber(ARGV[5])
local interval = 0
if ARGV[6] == '1' then interval = math.floor(span / limit) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - span)
local slot = now
local paused = redis.call('PTTL', KEYS[2])
if paused >= 0 then slot = now + (paused + 1) * 1000 end
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
local previous = nil
if last[2] then previous = tonumber(last[2]) end
local count = redis.call('ZCARD', KEYS[1])
local added = {}
for i = 1, permits do
  if previous then
    if previous + interval > slot then slot = previous + interval end
  end
  if count >= limit then
    local bound = redis.call('ZRANGE', KEYS[1], count - limit, count - limit, 'WITHSCORES')
    local free = tonumber(bound[2]) + span
    if free > slot then slot = free end
  end
  local member = ARGV[4] .. ':' .. i
  redis.call('ZADD', KEYS[1], slot, member)
  added[i] = member
  previous = slot
  count = count + 1
end
local wait = slot - now
if maxWait >= 0 and wait > maxWait then
  redis.call('ZREM', KEYS[1], unpack(added))
  return { 0, wait, limit }
end
redis.call('PEXPIRE', KEYS[1], math.floor((wait + span) / 1000) + 1000)
return { 1, wait, limit }
";

        /// <summary>
        /// Publishes a pause that every worker honours: sets the pause key to expire after ARGV[1]
        /// milliseconds, unless a longer pause is already in force.
        /// </summary>
        public const string Pause = @"
local current = redis.call('PTTL', KEYS[1])
if current < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
  return 1
end
return 0
";
    }
}
