namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// Client-side pacing that keeps the server's window full and no fuller. Each request holds a
    /// slot from the moment it leaves until one window after the server counted it; what the
    /// server says settles the rest:
    /// <list type="bullet">
    /// <item>A request the server rejected (429) was not counted, so it holds no slot for a window;
    /// its place is held only until the 429's X-RateLimit-Reset, when the window has room again.</item>
    /// <item>The server counts a request somewhere between its sending and its answer. The slot is
    /// reused one window after the answer, less the shortest round trip seen: the next request
    /// needs at least that long to reach the counter. A cold connection's slow first request
    /// (connection set-up) therefore holds its slot longer, not the whole pace.</item>
    /// <item>X-RateLimit-Remaining is the truth about the window: <see cref="DatoCmsRateLimitShare"/>
    /// turns it and the 429s into this process's share when other processes use the same project.</item>
    /// <item>X-RateLimit-Limit changes the limit.</item>
    /// </list>
    /// Waiters are served first come, first served. Safe for concurrent use.
    /// </summary>
    // CA1001: the timer lives as long as the throttle, which lives as long as its options (the
    // process, as a rule); a timer nobody references any more is collected with it.
#pragma warning disable CA1001
    internal sealed class DatoCmsRateLimiter // always internal
#pragma warning restore CA1001
    {
        private readonly object _gate = new object();
        private readonly global::System.Collections.Generic.List<Slot> _slots = new global::System.Collections.Generic.List<Slot>();
        private readonly global::System.Collections.Generic.LinkedList<global::System.Threading.Tasks.TaskCompletionSource<DatoCmsRateLimitTicket>> _waiters =
            new global::System.Collections.Generic.LinkedList<global::System.Threading.Tasks.TaskCompletionSource<DatoCmsRateLimitTicket>>();

        private readonly DatoCmsRateLimitShare _share;
        private readonly global::System.Threading.Timer _timer;
        private readonly long _window;
        private readonly long _margin;
        private int _limit;
        private long _shortestRoundTrip = long.MaxValue;
        // Whether this process has seen others in the window: a server count above all of its own
        // requests that can be in it, or a 429 (a full window it did not pace). See EarliestCount.
        private bool _windowShared;
        private long _firstAnswer = long.MaxValue;
        private long _timerDue = long.MaxValue;
        private long _lastActivity;
        // When a request last took a slot: a probe goes out alone, not right behind a burst.
        private long _lastTaken = long.MinValue / 2;
        // When a fixed window of the server started, as the first answer counted in it shows: the
        // send time of that request (long.MinValue until a fixed window was recognised).
        private long _fixedWindowStart = long.MinValue;
        // Which window after that start last showed itself starting (once per window), and whether
        // one did where the start predicted: a sliding window's restart, seen by mistake, would not.
        private long _fixedWindowsSeen;
        private bool _fixedWindowConfirmed;
        // A rejected attempt's place in the share, held until its 429's X-RateLimit-Reset says the
        // window has room again. The server never counted it, so it is no slot for a window; but
        // freed at once, a process whose share is down to one sent one request after another into
        // the full window, each answered 429 at once (thousands a window with no network between).
        private readonly global::System.Collections.Generic.List<long> _holds = new global::System.Collections.Generic.List<long>();

        /// <summary>Creates a limiter of <paramref name="limit"/> requests per <paramref name="window"/> until the server says otherwise.</summary>
        /// <param name="limit">Requests allowed per window.</param>
        /// <param name="window">The length of the server's window.</param>
        public DatoCmsRateLimiter(int limit, global::System.TimeSpan window)
        {
            // Bounded above so that the throttle's arithmetic on counts and stopwatch ticks cannot overflow.
            if (limit < 1 || limit > DatoCmsRateLimitHeaders.MostRequestsPerWindow)
            {
                throw new global::System.ArgumentOutOfRangeException(nameof(limit), limit, "Between 1 and 100,000 requests per window are allowed.");
            }

            if (window <= global::System.TimeSpan.Zero || window > DatoCmsRateLimitHeaders.LongestWindow)
            {
                throw new global::System.ArgumentOutOfRangeException(nameof(window), window, "The window must be positive and at most a day.");
            }

            _limit = limit;
            Window = window;
            _window = ToStopwatchTicks(window);

            // Clocks and round trips vary by a few milliseconds: half a percent of the window covers
            // it on the real 3-second window (15 ms) and costs half a percent of the pace.
            _margin = _window / 200;
            _share = new DatoCmsRateLimitShare(_window);
            _timer = new global::System.Threading.Timer(state => ((DatoCmsRateLimiter)state!).OnTimer(), this, global::System.Threading.Timeout.Infinite, global::System.Threading.Timeout.Infinite);
            _lastActivity = Now();
        }

        /// <summary>The length of the server's window.</summary>
        public global::System.TimeSpan Window { get; }

        /// <summary>The number of requests allowed per window now (the server's X-RateLimit-Limit once it sent one).</summary>
        public int Limit
        {
            get
            {
                lock (_gate)
                {
                    return _limit;
                }
            }
        }

        /// <summary>How many requests this process may have in the window now: the limit alone, less when others share it.</summary>
        public int Share
        {
            get
            {
                lock (_gate)
                {
                    // Reading arms no probe: nothing takes its slot now, and it would go with a later burst.
                    return _share.Current(Now(), _limit, probeGoesAlone: false);
                }
            }
        }

        /// <summary>How many more requests could start at once.</summary>
        public int Available
        {
            get
            {
                lock (_gate)
                {
                    var now = Now();
                    // Reading arms no probe: nothing takes its slot now, and it would go with a later burst.
                    return global::System.Math.Max(0, _share.Current(now, _limit, probeGoesAlone: false) - InUse(now, out _));
                }
            }
        }

        /// <summary>Slots taken now: requests in flight, answered ones the server may still count in its window, and places held for rejected attempts until their reset.</summary>
        public int Held
        {
            get
            {
                lock (_gate)
                {
                    return InUse(Now(), out _);
                }
            }
        }

        /// <summary>Requests waiting for a slot.</summary>
        public int Waiting
        {
            get
            {
                lock (_gate)
                {
                    return _waiters.Count;
                }
            }
        }

        /// <summary>How long the limiter has had nothing in flight and nobody waiting, or null when it is busy.</summary>
        public global::System.TimeSpan? IdleDuration
        {
            get
            {
                lock (_gate)
                {
                    var now = Now();
                    foreach (var slot in _slots)
                    {
                        if (slot.Answered == 0)
                        {
                            return null;
                        }
                    }

                    return _waiters.Count > 0 ? (global::System.TimeSpan?)null : ToTimeSpan(now - _lastActivity);
                }
            }
        }

        /// <summary>Waits for a slot, first come, first served, and takes it.</summary>
        /// <param name="cancellationToken">Stops the wait; the request then takes no slot.</param>
        /// <param name="first">Go first in line: a request the server rejected already waited its turn once.</param>
        /// <returns>The slot; report the answer to it.</returns>
        public global::System.Threading.Tasks.Task<DatoCmsRateLimitTicket> AcquireAsync(global::System.Threading.CancellationToken cancellationToken, bool first = false)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return global::System.Threading.Tasks.Task.FromCanceled<DatoCmsRateLimitTicket>(cancellationToken);
            }

            var waiter = new global::System.Threading.Tasks.TaskCompletionSource<DatoCmsRateLimitTicket>(global::System.Threading.Tasks.TaskCreationOptions.RunContinuationsAsynchronously);
            global::System.Collections.Generic.LinkedListNode<global::System.Threading.Tasks.TaskCompletionSource<DatoCmsRateLimitTicket>> node;
            lock (_gate)
            {
                var now = Now();
                var inUse = InUse(now, out var next);
                if (_waiters.Count == 0 && inUse < ShareToTakeFrom(now, inUse, next))
                {
                    return global::System.Threading.Tasks.Task.FromResult<DatoCmsRateLimitTicket>(Take(now));
                }

                node = first ? _waiters.AddFirst(waiter) : _waiters.AddLast(waiter);
                Schedule(now);
            }

            if (cancellationToken.CanBeCanceled)
            {
                var registration = cancellationToken.Register(() => Cancel(node, cancellationToken));
                _ = waiter.Task.ContinueWith((_, state) => ((global::System.Threading.CancellationTokenRegistration)state!).Dispose(), registration, global::System.Threading.CancellationToken.None, global::System.Threading.Tasks.TaskContinuationOptions.ExecuteSynchronously, global::System.Threading.Tasks.TaskScheduler.Default);
            }

            return waiter.Task;
        }

        /// <summary>Takes a slot if one is free now, without waiting.</summary>
        /// <param name="ticket">The slot when one was free.</param>
        /// <param name="retryAfter">When none was, about how long until one frees.</param>
        /// <returns>Whether a slot was taken.</returns>
        public bool TryAcquire(out DatoCmsRateLimitTicket? ticket, out global::System.TimeSpan retryAfter)
        {
            lock (_gate)
            {
                var now = Now();
                var inUse = InUse(now, out var next);
                if (_waiters.Count == 0 && inUse < ShareToTakeFrom(now, inUse, next))
                {
                    ticket = Take(now);
                    retryAfter = global::System.TimeSpan.Zero;
                    return true;
                }

                ticket = null;
                var change = global::System.Math.Min(next, _share.NextIncrease(_limit));
                retryAfter = change == long.MaxValue ? Window : ToTimeSpan(global::System.Math.Max(0, change - now));
                return false;
            }
        }

        /// <summary>Learns from an answer that is not tied to a slot of this limiter (another pacer took it).</summary>
        /// <param name="statusCode">The HTTP status.</param>
        /// <param name="headers">The answer's headers.</param>
        public void Observe(int statusCode, global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IEnumerable<string>>>? headers)
        {
            lock (_gate)
            {
                var now = Now();
                Learn(now, now, statusCode, headers);
                Pump(now);
            }
        }

        private static long Now() => global::System.Diagnostics.Stopwatch.GetTimestamp();

        private static long ToStopwatchTicks(global::System.TimeSpan time) =>
            (long)(time.Ticks * ((double)global::System.Diagnostics.Stopwatch.Frequency / global::System.TimeSpan.TicksPerSecond));

        private static global::System.TimeSpan ToTimeSpan(long stopwatchTicks) =>
            global::System.TimeSpan.FromTicks((long)(stopwatchTicks * ((double)global::System.TimeSpan.TicksPerSecond / global::System.Diagnostics.Stopwatch.Frequency)));

        private DatoCmsRateLimiter.Slot Take(long now)
        {
            var slot = new Slot(this, now) { IsProbe = _share.ClaimProbe() };
            _lastTaken = now;
            _slots.Add(slot);
            _lastActivity = now;
            return slot;
        }

        /// <summary>When an answered slot may be reused: one window after the server counted it, at the earliest, or one window after it left once the server's count proved it out of the window (see ForgetWhatTheServerNoLongerCounts).</summary>
        private long ReusableAt(Slot slot, bool byTheClockOnly = false)
        {
            // Proved out of the window: safe to reuse at once, but reused a window after it left (as
            // if counted then, the earliest it can have been), in the place it had in the window
            // before. Freed at once, the slots of a fixed window's last start all went out together
            // at the first answer of the next, and a process that had started alone and whose bursts
            // reached the server first in every window kept the window whole for longer while the
            // others waited (docs/retry-measurements.md, twenty-fifth pass).
            if (slot.OutOfTheWindow && !byTheClockOnly)
            {
                return slot.Sent + _window + _margin;
            }

            var counted = _shortestRoundTrip == long.MaxValue ? slot.Answered : global::System.Math.Max(slot.Sent, slot.Answered - _shortestRoundTrip);
            return counted + _window + _margin;
        }

        /// <summary>
        /// When the server counted an answered slot, at the earliest. Nothing in an answer says which
        /// part of its round trip came before the counter (a new connection, a queue) and which
        /// after it (the API working on the request), so this is an assumption, chosen by what the
        /// process has seen:
        /// <list type="bullet">
        /// <item>Alone, when it left. Taken as the answer less the shortest round trip, a slow
        /// answer's request looked counted late, and so forgotten too early: a process alone in a
        /// sliding window whose answers varied by 600 ms took the window for a fixed one and its own
        /// earlier requests for another process's, and halved its share.</item>
        /// <item>Once it has seen others in the window, the answer less the shortest round trip: the
        /// slowness is taken to have come before the counter. Processes that share a fixed window
        /// send bursts as it starts, many of them queued or on new connections; taken as counted
        /// when they left, they no longer showed the next restart, the window was seldom known for
        /// fixed, and three processes' finish times drifted apart.</item>
        /// </list>
        /// </summary>
        private long EarliestCount(Slot slot) =>
            !_windowShared || _shortestRoundTrip == long.MaxValue ? slot.Sent : global::System.Math.Max(slot.Sent, slot.Answered - _shortestRoundTrip);

        /// <summary>
        /// Slots in flight or not yet reusable, and places held for rejected attempts; <paramref name="next"/>
        /// is when the next one frees (long.MaxValue: none answered). <paramref name="byTheClockOnly"/>:
        /// as if no answer had proved a slot out of the window early, which is what the share's
        /// measures of this process's part were tuned on (see ForgetWhatTheServerNoLongerCounts).
        /// </summary>
        private int InUse(long now, out long next, bool byTheClockOnly = false)
        {
            next = long.MaxValue;
            var inUse = 0;
            for (var i = _holds.Count - 1; i >= 0; i--)
            {
                if (_holds[i] > now)
                {
                    inUse++;
                    next = global::System.Math.Min(next, _holds[i]);
                }
                else
                {
                    _holds.RemoveAt(i);
                }
            }

            for (var i = _slots.Count - 1; i >= 0; i--)
            {
                var slot = _slots[i];
                if (slot.Answered == 0)
                {
                    inUse++;
                    continue;
                }

                var reusable = ReusableAt(slot, byTheClockOnly);
                if (reusable > now)
                {
                    inUse++;
                    next = global::System.Math.Min(next, reusable);
                }
                else if (slot.Answered + _window + _margin <= now)
                {
                    // Out of the server's window whatever the round trip: forget it.
                    _slots.RemoveAt(i);
                }
            }

            return inUse;
        }

        /// <summary>Everything waiting goes at once when it fits in the lasting room the answer just showed (see DatoCmsRateLimitShare.TakeRoomForTheRest).</summary>
        private void SendTheRestIfItFits(long now)
        {
            var room = _share.TakeRoomForTheRest(now, _waiters.Count);
            if (_waiters.Count == 0 || _waiters.Count > room)
            {
                return;
            }

            while (_waiters.Count > 0)
            {
                GrantFirst(now);
            }

            _share.Holds(InUse(now, out _, byTheClockOnly: true), _limit);
        }

        /// <summary>
        /// The share when a slot is about to be taken: a probe armed earlier that no request took is
        /// disarmed, and a new one is armed only when it would go out alone (it is then taken at once).
        /// </summary>
        private int ShareToTakeFrom(long now, int inUse, long next)
        {
            _share.DisarmUnclaimedProbe(_limit);
            return _share.Current(now, _limit, ProbeGoesAlone(now, inUse, next), _waiters.Count);
        }

        /// <summary>
        /// Whether one request more would go out alone now (see DatoCmsRateLimitShare.Current):
        /// exactly the share is in use, none of it in flight, none taken in the last eighth of a
        /// window and none freeing in the next. Its answer then shows the room as it lasts, not
        /// among the answers of a burst of this process.
        /// </summary>
        private bool ProbeGoesAlone(long now, int inUse, long next)
        {
            if (inUse != _share.Peek(_limit) || (next != long.MaxValue && next - now <= _window / 8) || now - _lastTaken <= _window / 8)
            {
                return false;
            }

            foreach (var slot in _slots)
            {
                if (slot.Answered == 0)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// When every request of this process still unanswered will have been out an eighth of a
        /// window, and so surely counted by the server: long.MinValue when they all have (or none is out).
        /// </summary>
        private long SlowAnswersSurelyCounted(long now)
        {
            var youngest = long.MinValue;
            foreach (var slot in _slots)
            {
                if (slot.Answered == 0 && slot.Sent > youngest)
                {
                    youngest = slot.Sent;
                }
            }

            var counted = youngest == long.MinValue ? long.MinValue : youngest + (_window / 8);
            return counted <= now ? long.MinValue : counted;
        }

        /// <summary>The first in line takes a slot; one that was cancelled meanwhile leaves it unused.</summary>
        private void GrantFirst(long now)
        {
            var first = _waiters.First!;
            _waiters.RemoveFirst();
            var slot = Take(now);
            if (!first.Value.TrySetResult(slot))
            {
                _slots.Remove(slot);
                if (slot.IsProbe)
                {
                    // No request carries it: without this the share would wait for its answer for good.
                    _share.ProbeUnanswered();
                }
            }
        }

        private void Pump(long now)
        {
            if (_share.AwaitsSlowAnswers && SlowAnswersSurelyCounted(now) == long.MinValue)
            {
                _share.SettleSlowAnswers(_limit);
            }

            while (_waiters.Count > 0)
            {
                var inUse = InUse(now, out var next);
                if (inUse >= ShareToTakeFrom(now, inUse, next))
                {
                    break;
                }

                GrantFirst(now);
            }

            Schedule(now);
        }

        /// <summary>Wakes the pump when the next slot frees or the share grows; answers wake it too.</summary>
        private void Schedule(long now)
        {
            if (_waiters.Count == 0)
            {
                return;
            }

            InUse(now, out var next);
            var due = global::System.Math.Min(next, _share.NextIncrease(_limit, _waiters.Count));
            if (_share.AwaitsSlowAnswers)
            {
                due = global::System.Math.Min(due, SlowAnswersSurelyCounted(now));
            }

            if (due == long.MaxValue)
            {
                // Every slot is in flight: the next answer pumps. A window later at the latest, in case none comes.
                due = now + _window;
            }

            if (due >= _timerDue && _timerDue > now)
            {
                return;
            }

            _timerDue = due;
            var milliseconds = (long)global::System.Math.Ceiling(ToTimeSpan(global::System.Math.Max(0, due - now)).TotalMilliseconds);
            _timer.Change(global::System.Math.Max(1, milliseconds), global::System.Threading.Timeout.Infinite);
        }

        private void OnTimer()
        {
            lock (_gate)
            {
                _timerDue = long.MaxValue;
                Pump(Now());
            }
        }

        private void Cancel(global::System.Collections.Generic.LinkedListNode<global::System.Threading.Tasks.TaskCompletionSource<DatoCmsRateLimitTicket>> node, global::System.Threading.CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (node.List != null)
                {
                    _waiters.Remove(node);
                }
            }

            node.Value.TrySetCanceled(cancellationToken);
        }

        private void Complete(Slot slot, int statusCode, global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IEnumerable<string>>>? headers)
        {
            lock (_gate)
            {
                var now = Now();
                _lastActivity = now;
                var fromTheApi = DatoCmsRateLimitHeaders.ReadInt(headers, DatoCmsLimits.RateLimitRemainingHeader) != null;
                if (fromTheApi)
                {
                    // Only an answer from the API itself (it carries the headers) measures the round
                    // trip to its counter; a 429 too, and often the first warm one there is. A request
                    // sent before the first answer came measures nothing: its time may have gone into
                    // setting up the connection (or a machine too busy to send it), before the server
                    // counted it, and taken for the way back it would free the first burst's slots as
                    // soon as its answers came, into the window that had just counted it.
                    if (_firstAnswer == long.MaxValue)
                    {
                        _firstAnswer = now;
                    }
                    else if (slot.Sent >= _firstAnswer)
                    {
                        _shortestRoundTrip = global::System.Math.Min(_shortestRoundTrip, now - slot.Sent);
                    }
                }

                if (statusCode == 429)
                {
                    // Not counted by the server: the slot was never used. Its place waits for the reset (see Learn).
                    _slots.Remove(slot);
                }
                else
                {
                    slot.Answered = now;
                    slot.CountedByTheApi = fromTheApi;
                }

                Learn(now, slot.Sent, statusCode, headers, slot.IsProbe, ownSlot: true);
                SendTheRestIfItFits(now);
                Pump(now);
            }
        }

        private void Abandon(Slot slot)
        {
            lock (_gate)
            {
                // It may have been counted: charge it as if answered now.
                var now = Now();
                slot.Answered = now;
                if (slot.IsProbe)
                {
                    _share.ProbeUnanswered();
                }

                _lastActivity = now;
                Pump(now);
            }
        }

        /// <summary>Reads the headers of an answer to a request sent at <paramref name="sent"/>; <paramref name="ownSlot"/>: the request took a slot of this limiter (a 429 then holds its place until the reset).</summary>
        private void Learn(long now, long sent, int statusCode, global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IEnumerable<string>>>? headers, bool probe = false, bool ownSlot = false)
        {
            var limit = DatoCmsRateLimitHeaders.ReadInt(headers, DatoCmsLimits.RateLimitLimitHeader);
            if (limit is int newLimit && newLimit > 0)
            {
                _limit = newLimit;
            }

            if (statusCode == 429)
            {
                _windowShared = true;
                var reset = DatoCmsRateLimitHeaders.ReadReset(headers);
                if (ownSlot && reset is global::System.TimeSpan closedFor)
                {
                    _holds.Add(ReopensAt(now, closedFor));
                }

                // Ours: counted or in flight; the places held for rejected attempts are none of the server's.
                var held = InUse(now, out _, byTheClockOnly: true) - _holds.Count;
                _share.Rejected(now, held, reset is global::System.TimeSpan wait ? ToStopwatchTicks(wait) : 0, _limit, probe);

                // A 429 in a fixed window whose start is known says exactly how full it is: the
                // limit, of which ours are those sent in it. A process whose requests go first in
                // every window never sees a full window in its accepted answers, only in 429s.
                var ours = OursInFixedWindow(sent);
                if (ours >= 0)
                {
                    _share.FixedWindowFull(now, _limit, ours);
                }

                return;
            }

            var remaining = DatoCmsRateLimitHeaders.ReadInt(headers, DatoCmsLimits.RateLimitRemainingHeader);
            if (!(remaining is int left))
            {
                if (probe)
                {
                    _share.ProbeUnanswered();
                }

                return;
            }

            if (ownSlot && !_windowShared)
            {
                ForgetWhatTheServerNoLongerCounts(sent, _limit - left);
            }

            // Ours in the server's count at most: answered ones that may still be in its window when
            // this one was counted, the ones sent before this one and not answered, and this one.
            // Requests sent after it and not answered may or may not have been counted.
            var counted = 0;
            var uncounted = 0;
            var inFlight = 0;
            var surelyCounted = 1;
            foreach (var slot in _slots)
            {
                if (slot.Answered != 0 && slot.Answered <= sent && EarliestCount(slot) > now - _window)
                {
                    // Counted before this one left, and after the earliest start of the window it was counted in.
                    surelyCounted++;
                }

                if (slot.Answered == 0)
                {
                    inFlight++;

                    if (slot.Sent <= sent)
                    {
                        counted++;
                    }
                    else
                    {
                        uncounted++;
                    }
                }
                else if (slot.Answered + _window > sent)
                {
                    counted++;
                }
            }

            // Requests sent together reach the server in any order: for the others' part, count
            // every request of ours in flight as counted, so that it is never overestimated.
            var others = global::System.Math.Max(0, _limit - left - counted - uncounted);
            if (others > 0)
            {
                _windowShared = true;
            }

            // More of ours surely in the last window than the server counts: it forgot them, so its
            // window is fixed and has just started again; the room it shows is everyone's.
            var windowRestarted = surelyCounted > _limit - left + 1;
            if (windowRestarted)
            {
                TrackFixedWindow(sent, _limit - left);
            }

            // In a fixed window whose start is known, ours in it are exactly those sent since it
            // started (up to this one, or answered before it): unlike the count above, they leave
            // out the previous window's requests the server has forgotten, which would hide the others.
            var windowOurs = OursInFixedWindow(sent);
            var windowOthers = windowOurs < 0 ? -1 : global::System.Math.Max(0, _limit - left - windowOurs);

            var lateInFixedWindow = windowOurs >= 0 && (sent - _fixedWindowStart) % _window >= _window / 3;
            _share.Accepted(now, _limit, left, counted + uncounted, uncounted, others, settled: inFlight == 0, windowRestarted: windowRestarted, probe: probe, windowOurs: windowOurs, windowOthers: windowOthers, lateInFixedWindow: lateInFixedWindow, sent: sent);
        }

        /// <summary>
        /// Until when a rejected attempt's place is held: until the window its 429 found full has
        /// room again, as far as the reset tells. An exact reset is taken as it is. A whole-second
        /// one was rounded up, so the room comes back within its last second: a random point of
        /// that second (not before half the reset; see DatoCmsRateLimitShare.Spread), so that the
        /// place is not held through up to a second of room, and processes rejected together come
        /// back apart. At most a window and a second: a longer reset is some other limit's, which
        /// the retry handler's MaxRateLimitWait governs.
        /// </summary>
        private long ReopensAt(long now, global::System.TimeSpan reset)
        {
            var wait = reset.Ticks % global::System.TimeSpan.TicksPerSecond == 0 ? DatoCmsRateLimitShare.Spread(reset, DatoCmsRateLimitShare.NextDouble()) : reset;
            return now + global::System.Math.Min(ToStopwatchTicks(wait), _window + global::System.Diagnostics.Stopwatch.Frequency);
        }

        /// <summary>
        /// Marks the slots the server's count proves out of its window (see ReusableAt). The answer
        /// to a request sent at <paramref name="sent"/> says the window held <paramref name="serverCount"/>
        /// requests, this one included, when it was counted. Take the requests of this process that
        /// were answered before it left: the server counted each before it, and after any request
        /// answered before that one left. So when <paramref name="serverCount"/> of them, this one
        /// included, left after an earlier request was answered, that earlier request cannot be in
        /// the window too, or the window would hold one more: it was counted a window or more before
        /// this one, and a request sent now is counted later still. This needs no guess of where
        /// in a round trip the server counts, holds for fixed and sliding windows alike, and others'
        /// requests in the count only make it harder to meet. Without it, a request whose answer was
        /// slow holds its slot as if counted at the latest, and a process alone whose answers varied
        /// by up to 300 ms lost a tenth of a fixed window to that. It is a fixed window's new start
        /// that this catches: the first answer counted in it proves every slot of the last one out.
        /// In a full sliding window the requests still in flight when the answered one left are part
        /// of the count but prove nothing, so it seldom proves a slot out there early.
        /// Only answers from the API itself count: an abandoned request may reach the counter after
        /// it was given up, and a gateway's error may never have reached it. It only paces: what
        /// the share learns of this process's part (what a 429 cuts it to, what it holds) is still
        /// counted by the clock. And only while this process is alone in the window: freeing slots
        /// early beside others made three processes' split less even (the twenty-second pass of
        /// docs/retry-measurements.md), and an early version of this change did again (two of six
        /// runs missed the spread target, the twenty-fifth pass).
        /// </summary>
        private void ForgetWhatTheServerNoLongerCounts(long sent, int serverCount)
        {
            if (serverCount < 1)
            {
                return;
            }

            // Slots are kept in the order they were taken, so from the end the requests answered
            // before this one left come latest sent first: the serverCount-th of them, this one
            // being the first, left the earliest of those the count is made of.
            var found = 1;
            var earliestOfTheCount = sent;
            for (var i = _slots.Count - 1; i >= 0 && found < serverCount; i--)
            {
                var slot = _slots[i];
                if (slot.CountedByTheApi && slot.Answered <= sent)
                {
                    found++;
                    earliestOfTheCount = slot.Sent;
                }
            }

            if (found < serverCount)
            {
                return;
            }

            // The first burst (sent before any answer came) is left to the clock: its time went into
            // opening connections, and reused a window after it left, the process that started first
            // sent its next burst right as the window started again, ahead of processes that started
            // a moment later, and held the window alone for longer.
            foreach (var slot in _slots)
            {
                if (slot.CountedByTheApi && slot.Answered < earliestOfTheCount && slot.Sent >= _firstAnswer)
                {
                    slot.OutOfTheWindow = true;
                }
            }
        }

        /// <summary>
        /// This process's requests (not rejected) in the fixed window that holds <paramref name="sent"/>
        /// that the server may have counted before the request sent then: those sent in the window up
        /// to that time, and those sent after it in the same window whose answers have already come
        /// (counted first, whatever their order of leaving). -1 while no fixed window was recognised.
        /// A request that waits for a new connection (after a reset, say) reaches the counter after
        /// requests sent later on open ones: counting only those sent before it, a process alone
        /// took 36 of its own requests for another process's and held half the window for a window.
        /// </summary>
        private int OursInFixedWindow(long sent)
        {
            if (!_fixedWindowConfirmed || sent < _fixedWindowStart)
            {
                return -1;
            }

            var start = _fixedWindowStart + ((sent - _fixedWindowStart) / _window * _window);
            var ours = 0;
            foreach (var slot in _slots)
            {
                if (slot.Sent >= start && slot.Sent - start < _window && (slot.Sent <= sent || slot.Answered != 0))
                {
                    ours++;
                }
            }

            return ours;
        }

        /// <summary>
        /// This process's requests sent from <paramref name="start"/> and answered by
        /// <paramref name="end"/>: counted before a request leaving at <paramref name="end"/> was.
        /// Those still in flight then may reach the counter after it (a burst arrives in any order).
        /// </summary>
        private int OursAnsweredBetween(long start, long end)
        {
            var ours = 0;
            foreach (var slot in _slots)
            {
                if (slot.Sent >= start && slot.Answered != 0 && slot.Answered <= end)
                {
                    ours++;
                }
            }

            return ours;
        }

        /// <summary>
        /// Learns when the server's fixed window starts from answers that show it forgot requests of
        /// this process it surely counted less than a window ago. Such an answer's request was counted
        /// in a window that started no later than it left (give or take the way to the counter), and
        /// a fixed window starts every window from there. The window counts as fixed once such an
        /// answer comes within an eighth of a window of a later start that predicts; the start moves
        /// when the server counts fewer than this process surely had counted since the start it
        /// predicts: the requests answered before this one left, and this one. Counting every request
        /// sent up to this one moved the start at every answer in the middle of a burst, and the
        /// process whose burst goes first in each window never held a start long enough to confirm it.
        /// </summary>
        /// <param name="sent">When the answered request left.</param>
        /// <param name="serverCount">The server's count with it (the limit less X-RateLimit-Remaining).</param>
        private void TrackFixedWindow(long sent, int serverCount)
        {
            if (_fixedWindowStart != long.MinValue && sent >= _fixedWindowStart)
            {
                var index = (sent - _fixedWindowStart) / _window;
                var start = _fixedWindowStart + (index * _window);
                if (OursAnsweredBetween(start, sent) + 1 <= serverCount)
                {
                    // Consistent with the known start. The first answer of a later window, close to
                    // where it starts, confirms it, once per window.
                    if (index > _fixedWindowsSeen && sent - start <= _window / 8)
                    {
                        _fixedWindowsSeen = index;
                        _fixedWindowConfirmed = true;
                        _share.FixedWindowStarted(Now(), _limit, _waiters.Count);
                    }

                    return;
                }
            }

            _fixedWindowStart = sent;
            _fixedWindowsSeen = 0;
            _fixedWindowConfirmed = false;
        }

        /// <summary>One request's slot: when it left and when its answer came (0 while in flight).</summary>
        private sealed class Slot : DatoCmsRateLimitTicket
        {
            private readonly DatoCmsRateLimiter _owner;
            private int _done;

            public Slot(DatoCmsRateLimiter owner, long sent)
            {
                _owner = owner;
                Sent = sent;
            }

            public long Sent { get; }

            public long Answered { get; set; }

            /// <summary>Whether the answer came from the API (it carried the rate-limit headers): the server counted the request before it.</summary>
            public bool CountedByTheApi { get; set; }

            /// <summary>Whether a later answer's count proved this request out of the server's window.</summary>
            public bool OutOfTheWindow { get; set; }

            /// <summary>Whether this request is the share's probe for lasting room.</summary>
            public bool IsProbe { get; set; }

            public override void Complete(int statusCode, global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, global::System.Collections.Generic.IEnumerable<string>>>? headers)
            {
                if (global::System.Threading.Interlocked.Exchange(ref _done, 1) == 0)
                {
                    _owner.Complete(this, statusCode, headers);
                }
            }

            public override void Abandon()
            {
                if (global::System.Threading.Interlocked.Exchange(ref _done, 1) == 0)
                {
                    _owner.Abandon(this);
                }
            }
        }
    }
}
