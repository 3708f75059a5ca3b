namespace DatoCms.ErrorCodes
{
    /// <summary>
    /// How much of the project's window this process may use, learnt from the rate-limit headers
    /// alone (the limit is per project, shared by every token and process, and nothing but the
    /// headers tells one process about the others). Alone, the share is the whole limit. A 429
    /// proves the window full: the share drops to what this process has in flight and in the window,
    /// and only grows again after a random part of the reset, so processes that met the limit
    /// together do not come back together. Room that X-RateLimit-Remaining shows lasting (a quarter
    /// of a window on every answer, or still there for a probe sent after a quarter of a window
    /// without answers, or for a request of the share that went out alone) is taken, split with the others that may take it too (whole when their part
    /// shrank meanwhile: they are finishing, not taking it); a failed probe costs
    /// one 429 and no share, and the next probe waits longer. When the window is full and others
    /// hold a tenth of it at least, a process holding more than an even split gives the excess back.
    /// A fixed window that has just started again shows its whole room to everyone, room the others'
    /// requests are about to take: the limiter recognises it (the server counts fewer of this
    /// process's requests than surely fall in its window), and that room is never taken; a process
    /// that finds the others' part missing there at two window starts in a row probes a third into
    /// the second, however long its probes had backed off; one whose every request is answered
    /// a third or more into such a window with the others' part under a tenth, in two windows in
    /// a row, takes the window whole. Elsewhere, a full window seen by the answer that settles all of
    /// this process's requests is probed a quarter window later, once a window, for room the others
    /// left since (a finishing process's last requests leaving a sliding window); and there the
    /// answers that settle two clumps of this process's requests an eighth to a third of a window
    /// apart (or more, past the start), both showing more than a tenth of it free and the others'
    /// part no larger, show room that lasted, as a probe's would. A probe is one request sent alone,
    /// never one of a burst of this process: a burst's answers come while the others' requests are
    /// still to come. Room taken from others that are leaving also lowers the estimate of the
    /// processes to what the new share leaves room for.
    /// Times are <see cref="global::System.Diagnostics.Stopwatch"/> ticks. Not thread-safe: the limiter locks.
    /// </summary>
    internal sealed class DatoCmsRateLimitShare // always internal
    {
        private static readonly global::System.Random Random = new global::System.Random();
        // At most this many window starts between two late probes, after full windows: eight, so
        // that a full window shared for good costs a probe's 429 now and then, not one per window.
        private const int MaxLateProbeBackoff = 8;

        private readonly long _window;
        private int _share = int.MaxValue;
        private long _nextIncrease;
        private int _processes = 1;
        private long _processesSeen;
        private long _lastFull = long.MinValue;
        private long _roomSince = long.MaxValue;
        private long _nextRoomGrowth;
        // The others' part when the room now watched appeared, and at the last answer: a part that
        // shrank while the room lasted says the others are leaving, not taking it.
        private int _othersWhenRoomAppeared;
        private int _lastOthers;
        // The last answer that settled all of this process's requests: when it came, the room it
        // showed and the others' part then. The next clump of this process goes out after it, so
        // its settling answer tells what a probe would (see GrowIntoRoom).
        private long _lastSettled = long.MinValue;
        private int _lastSettledRoom;
        private int _lastSettledOthers;

        // The last answer: when it came, the room it showed and whether this process used its whole share then.
        private long _lastAnswer = long.MinValue;
        private int _lastRoom;
        private bool _lastAnswerSaturated;
        // A probe: armed when the share grew by one to find out whether room lasted, out once a
        // request took that slot; only that request's answer tells (the others' answers may be stale).
        private bool _probeArmed;
        private bool _probeOut;
        private bool _probeBelowEven;
        // A probe sent a third into a fixed window (see FixedWindowStarted): when it is due, whether
        // it is the one out, and how many window starts to let pass before the next one.
        private long _lateProbeAt = long.MaxValue;
        private bool _lateProbe;
        private int _lateProbeEvery = 1;
        private int _windowsToLateProbe;
        private long _probeWait;
        // When the current fixed window started (its first answer), and whether the answer that
        // settled this process's requests in it, and in the window before, found the others' part
        // under a tenth of the limit (see OthersAbsentAtWindowStart).
        private long _windowStart = long.MinValue;
        // When a probe for room the others leave may next be armed outside a recognised fixed
        // window (see ProbeForRoomTheOthersLeave): once a window.
        private long _nextProbeForRoomLeft = long.MinValue;
        private bool _othersAbsentThisWindow;
        private bool _othersAbsentLastWindow;
        // Whether the settled answer to a request sent a third or more into the current fixed window,
        // and into the window before, found the others' part under a tenth (see TakeTheWindowTheOthersLeft).
        private bool _othersGoneLateThisWindow;
        private bool _othersGoneLateLastWindow;

        // Lasting room the latest answer showed, for everything this process has waiting (see
        // TakeRoomForTheRest), and whether the others held less than a tenth of the window then.
        private int _roomForTheRest;
        private bool _restAlone;
        // A little room (a tenth of the window at most) a settled answer showed, which a few last
        // requests may take without waiting for it to last, once a window (see TakeRoomForTheRest).
        private int _littleRoomForTheRest;
        private long _lastLittleRoomTaken = long.MinValue;

        // When the share last grew into lasting room, the others' part then, and the least room the
        // answers to requests sent since have shown: the answer that settles them tells whether what
        // is left of the room is still free (see GrowIntoRoom).
        private long _grewIntoRoomAt = long.MinValue;
        private int _othersWhenGrown;
        private int _roomSinceGrowth = int.MaxValue;

        // Since when the full windows' answers have been summed up, for which count of the
        // processes, and how much more the others held in them, in total, than the other processes
        // of that count could (see OthersHoldMoreThanTheEstimateAllows).
        private long _othersOverSince = long.MaxValue;
        private int _othersOverProcesses;
        private int _othersOverSum;
        private int _othersOverAnswers;

        // When this process met its first 429, the count of processes and the share that first
        // window left it, and whether its latest cut came within two windows of that (see
        // GrowingBackFromTheStart); how many 429s ended its first burst, and whether they bound the
        // count that burst's part gave (see ProcessesTheFirstBurstImplies).
        private long _firstRejected = long.MinValue;
        private int _firstBurstRejections;
        // What this process had sent when its first answer that settled them all came, before the
        // window was seen full: its burst, as the others' bursts were sent too (0 until then).
        private int _sentBeforeTheFirstSettledAnswer;
        // Before the window was first seen full: the share the latest answer would have given had
        // the requests sent before it, still unanswered, been answered (-1: none). Taken once those
        // have been out long enough to be surely counted (see SettleSlowAnswers).
        private int _shareOnceSettled = -1;
        private bool _startCountBoundByTheBurst;
        private int _processesAtStart;
        private int _shareAtStart;
        private bool _cutInTheStartRace;

        /// <summary>Creates the estimator for windows of <paramref name="window"/> stopwatch ticks.</summary>
        public DatoCmsRateLimitShare(long window)
        {
            _window = window;
            _probeWait = window / 4;
        }

        /// <summary>How many requests this process may have in the window at <paramref name="now"/>.</summary>
        /// <param name="now">The stopwatch time.</param>
        /// <param name="limit">The project's limit per window.</param>
        /// <param name="probeGoesAlone">
        /// Whether one request more would go out alone now: this process uses exactly its share and
        /// none of it frees soon. A probe is armed only then. One sent with a burst of this process
        /// (its slots freeing together as its window rolls over) is answered among that burst's
        /// answers, at a moment when the room shown is the others' requests still to come, and
        /// would take that room for lasting. Reading the share for display passes false.
        /// </param>
        /// <param name="waiting">This process's requests waiting for a slot: when they all fit in the room the last answer showed, a probe for it does not wait out the backoff of earlier failed probes (see <see cref="RestFits"/>).</param>
        public int Current(long now, int limit, bool probeGoesAlone = true, int waiting = 0)
        {
            Grow(now, limit, probeGoesAlone, waiting);
            return global::System.Math.Min(_share, limit);
        }

        /// <summary>The share as it stands, without growing it.</summary>
        /// <param name="limit">The project's limit per window.</param>
        public int Peek(int limit) => global::System.Math.Min(_share, limit);

        /// <summary>When the share grows next without news from the server, or long.MaxValue when it is whole.</summary>
        /// <param name="limit">The project's limit per window.</param>
        /// <param name="waiting">This process's requests waiting for a slot.</param>
        public long NextIncrease(int limit, int waiting = 0)
        {
            var next = global::System.Math.Min(_share >= EvenSplit(limit) ? long.MaxValue : _nextIncrease, _lateProbeAt);
            var probe = RestFits(limit, waiting) ? _lastAnswer + (_window / 4) : global::System.Math.Max(_lastAnswer + (_window / 4), _nextRoomGrowth);
            return ProbeDue(limit) ? global::System.Math.Min(next, probe) : next;
        }

        /// <summary>
        /// Whether the request taking a slot now is the probe the share grew by; call once per slot
        /// taken, and report its answer with probe set.
        /// </summary>
        public bool ClaimProbe()
        {
            if (!_probeArmed)
            {
                return false;
            }

            _probeArmed = false;
            _probeOut = true;
            return true;
        }

        /// <summary>
        /// A probe armed by an earlier look at the share that no request took then: one taking it
        /// later would go with a burst of this process, and its answer would tell nothing. The share
        /// it grew by goes back (growth below an even split stays: it is not the probe's).
        /// </summary>
        /// <param name="limit">The project's limit per window.</param>
        public void DisarmUnclaimedProbe(int limit)
        {
            if (!_probeArmed)
            {
                return;
            }

            _probeArmed = false;
            if (!_probeBelowEven)
            {
                _share = global::System.Math.Max(1, global::System.Math.Min(_share, limit) - 1);
                _lateProbe = false;
            }
        }

        /// <summary>Whether, before the window was first seen full, the latest answer waits only for earlier requests of this process to be answered.</summary>
        public bool AwaitsSlowAnswers => _lastFull == long.MinValue && _shareOnceSettled >= 0;

        /// <summary>
        /// The requests that kept the latest answer unsettled have been out long enough that the
        /// server surely counted them: they are slow to answer (a long write, a hung connection), and
        /// the room that answer showed stands. Without this one slow answer held a process far below
        /// the limit to what it already had, for as long as the answer took.
        /// </summary>
        /// <param name="limit">The project's limit per window.</param>
        public void SettleSlowAnswers(int limit)
        {
            if (!AwaitsSlowAnswers)
            {
                return;
            }

            _share = global::System.Math.Min(limit, _shareOnceSettled);
            _shareOnceSettled = -1;
        }

        /// <summary>
        /// The probe will tell nothing: it was abandoned (cancelled, failed, timed out) or its answer
        /// carried no X-RateLimit-Remaining. Without this, the share would wait for its answer for good
        /// and never arm another probe below an even split.
        /// </summary>
        public void ProbeUnanswered()
        {
            _probeOut = false;
            _lateProbe = false;
        }

        /// <summary>
        /// Lasting room the latest answer showed (confirmed by a probe), which everything this
        /// process has waiting may take at once when it all fits: 0 when none. Read once per answer.
        /// Failing that, once a window, the little room (a tenth of the window at most) that an
        /// answer settling all of this process's requests showed, when the <paramref name="waiting"/>
        /// requests fit in it: a process whose slots free one by one never has the quarter window
        /// without answers that a probe needs, and its last request waited a whole window.
        /// </summary>
        /// <param name="now">The stopwatch time.</param>
        /// <param name="waiting">This process's requests waiting for a slot.</param>
        public int TakeRoomForTheRest(long now, int waiting)
        {
            var room = _roomForTheRest;
            var little = _littleRoomForTheRest;
            _roomForTheRest = 0;
            _littleRoomForTheRest = 0;
            if (room == 0 && waiting > 0 && waiting <= little && (_lastLittleRoomTaken == long.MinValue || now - _lastLittleRoomTaken >= _window))
            {
                _lastLittleRoomTaken = now;
                return little;
            }

            return room;
        }

        /// <summary>
        /// This process took the room of <see cref="TakeRoomForTheRest"/> and now holds
        /// <paramref name="held"/> of the window. When the others held less than a tenth of it
        /// (they are gone), its share is that much at least, so that its next probe (one more than
        /// the share) can go out at all; otherwise the share stays an even split, for when they are back.
        /// </summary>
        /// <param name="held">This process's requests in flight or still in its window.</param>
        /// <param name="limit">The project's limit per window.</param>
        public void Holds(int held, int limit)
        {
            if (!_restAlone)
            {
                return;
            }

            _share = global::System.Math.Max(global::System.Math.Min(_share, limit), global::System.Math.Min(limit, held));
        }

        /// <summary>How many processes seem to share the window (1: this one alone).</summary>
        public int Processes => _processes;

        /// <summary>A 429: the window was full although this process held only <paramref name="ours"/> of it.</summary>
        /// <param name="now">The stopwatch time.</param>
        /// <param name="ours">This process's requests in flight or still in its window, the rejected one left out.</param>
        /// <param name="reset">The server's X-RateLimit-Reset in stopwatch ticks, or 0 when it sent none.</param>
        /// <param name="limit">The project's limit per window.</param>
        /// <param name="probe">Whether the rejected request was the probe (see <see cref="ClaimProbe"/>).</param>
        public void Rejected(long now, int ours, long reset, int limit, bool probe = false)
        {
            var seenFull = _lastFull != long.MinValue;
            _lastFull = now;
            _roomSince = long.MaxValue;
            // The window was full: no room is left of what the share last grew into.
            _grewIntoRoomAt = long.MinValue;
            _nextRoomGrowth = global::System.Math.Max(_nextRoomGrowth, now + (_window / 4));
            if (probe && _probeOut && _lateProbe)
            {
                // The window was full a third into it: the next late probe waits longer (eight windows at most).
                _lateProbe = false;
                _lateProbeEvery = global::System.Math.Min(MaxLateProbeBackoff, _lateProbeEvery * 2);
                _windowsToLateProbe = _lateProbeEvery;
            }

            if (probe && _probeOut)
            {
                // A probe for room that was gone: the share goes back to what it was, and the next
                // probe waits twice as long (a window at most): the room a fixed window shows its
                // first senders is the others' requests still to come, every window.
                _probeOut = false;
                _share = global::System.Math.Max(1, _share - 1);
                _probeWait = global::System.Math.Min(_window, _probeWait * 2);
                _nextRoomGrowth = global::System.Math.Max(_nextRoomGrowth, now + _probeWait);
                _nextIncrease = global::System.Math.Max(_nextIncrease, now + _probeWait);
                return;
            }

            // The first window that filled: the processes that started together have each sent
            // their first burst into it, and what this one holds is its part of that window. An
            // answer that settles all of them may never come before the next window (every
            // request after the window filled was rejected), and a count taken later, from a
            // part a 429 has just cut, sees too many processes (see GrowingBackFromTheStart).
            // Its 429s come in one burst, within a quarter window: a 429 later (the next window's
            // start is less than a window away) finds a part the race for freed slots has cut.
            if (_firstRejected == long.MinValue)
            {
                _firstRejected = now;
            }

            var firstBurst = now - _firstRejected < _window / 4;
            if (firstBurst)
            {
                _firstBurstRejections++;
                EstimateProcesses(now, limit, true, ours, global::System.Math.Max(0, limit - ours), exact: false);
                var implied = ProcessesTheFirstBurstImplies(limit, ours);
                _startCountBoundByTheBurst = _startCountBoundByTheBurst || implied < _processes;
                _processes = global::System.Math.Min(_processes, implied);
                _processesAtStart = _processes;
            }

            // Down to what this process holds, but each 429 at most halves the share (or an even
            // split, when that is smaller): right after its slots come free it holds little. A run
            // of 429s halves it again at each; taking the floor from the share when the run began
            // was measured and gained nothing (docs/retry-measurements.md, nineteenth pass).
            // The first 429 of all, before anything is known of the others: to what is held, or
            // each 429 would free a slot for another request into the same full window.
            var even = EvenSplit(limit);
            var floor = seenFull ? global::System.Math.Min(_share, even) / 2 : 1;
            _share = global::System.Math.Max(global::System.Math.Max(1, ours), floor);
            if (firstBurst)
            {
                _shareAtStart = _share;
            }

            _cutInTheStartRace = now - _firstRejected < 2 * _window;

            var wait = reset > 0 ? reset : _window;
            _nextIncrease = now + (long)(wait * SpreadFactor(reset > 0 && reset % global::System.Diagnostics.Stopwatch.Frequency == 0, wait / (double)global::System.Diagnostics.Stopwatch.Frequency, NextDouble()));
        }

        /// <summary>
        /// A 429 in a fixed window whose start is known: the window holds the limit, of which
        /// <paramref name="ours"/> are this process's. Estimates the processes from it, and a process
        /// holding more than an even split of a window the others hold a tenth of gives the excess back,
        /// as on an accepted answer that shows the window full (see <see cref="Accepted"/>).
        /// </summary>
        /// <param name="now">The stopwatch time.</param>
        /// <param name="limit">The project's limit per window.</param>
        /// <param name="ours">This process's requests sent in the fixed window, the rejected one left out.</param>
        public void FixedWindowFull(long now, int limit, int ours)
        {
            var others = global::System.Math.Max(0, limit - ours);
            EstimateProcesses(now, limit, true, ours, others, exact: true);
            if (_processes > 1 && others * 10 >= limit)
            {
                var even = EvenSplit(limit);
                if (even < global::System.Math.Min(_share, limit))
                {
                    _share = even;
                    _nextIncrease = global::System.Math.Max(_nextIncrease, now + _window);
                }
            }
        }

        /// <summary>
        /// A fixed window of the server has started again. A process that holds more than an even
        /// split of a shared window gives one request of it back per window: its requests go first
        /// in every window, so it never sees the window full (the others' answers and 429s do), and
        /// the others' probes can only take what it leaves. Were the others gone, the room it leaves
        /// shows lasting and is taken again a window later, and the first full window it fills
        /// alone counts it alone.
        /// </summary>
        /// <param name="now">The stopwatch time.</param>
        /// <param name="limit">The project's limit per window.</param>
        /// <param name="waiting">This process's requests waiting for a slot.</param>
        public void FixedWindowStarted(long now, int limit, int waiting = 0)
        {
            _windowStart = now;
            _othersAbsentLastWindow = _othersAbsentThisWindow;
            _othersAbsentThisWindow = false;
            _othersGoneLateLastWindow = _othersGoneLateThisWindow;
            _othersGoneLateThisWindow = false;
            var even = EvenSplit(limit);
            if (_processes > 1 && _lastFull != long.MinValue && global::System.Math.Min(_share, limit) > even)
            {
                _share = global::System.Math.Min(_share, limit) - 1;

                // For the others to take: this process's own probe, first in the window, would take it back.
                _nextRoomGrowth = global::System.Math.Max(_nextRoomGrowth, now + _window);
                return;
            }

            // A third into the window every request of the others that go first has been counted:
            // one request more then finds out whether the window will end with room (the others are
            // finishing, or gone). The answers of this process's own requests cannot tell: they come
            // at the window's start, when its room is the others' requests still to come. A full
            // window costs the probe one 429, and the next one waits longer, unless what is left to
            // send would fit in this window with the room others leave: then room decides whether the
            // process needs another window at all (the last window of a shared run, where the others
            // finish first), and the probe goes out every window.
            var share = global::System.Math.Min(_share, limit);
            var fitsWithRoom = waiting > 0 && waiting <= limit - share;
            if (_windowsToLateProbe > 0 && !fitsWithRoom)
            {
                _windowsToLateProbe--;
            }
            else if (_lastFull != long.MinValue && share < limit)
            {
                _lateProbeAt = now + (_window / 3);
            }
        }

        /// <summary>
        /// A random point of the time a reset may really mean, so that clients rejected together come
        /// back at different instants: within the last second (at most its second half) of a
        /// whole-second reset, which the server rounded up; up to a quarter after an exact one.
        /// </summary>
        /// <param name="reset">X-RateLimit-Reset.</param>
        /// <param name="sample">A random number in [0, 1).</param>
        /// <returns>The wait.</returns>
        public static global::System.TimeSpan Spread(global::System.TimeSpan reset, double sample) =>
            global::System.TimeSpan.FromTicks((long)(reset.Ticks * SpreadFactor(reset.Ticks % global::System.TimeSpan.TicksPerSecond == 0, reset.TotalSeconds, sample)));

        private static double SpreadFactor(bool wholeSeconds, double seconds, double sample)
        {
            if (!wholeSeconds || seconds <= 0)
            {
                return 1 + (0.25 * sample);
            }

            var earliest = global::System.Math.Max(0.5, (seconds - 1) / seconds);
            return earliest + ((1 - earliest) * sample);
        }

        /// <summary>An accepted request's X-RateLimit-Remaining, compared with what this process holds.</summary>
        /// <param name="now">The stopwatch time.</param>
        /// <param name="limit">The project's limit per window.</param>
        /// <param name="remaining">X-RateLimit-Remaining of the answer: free slots after the server counted it.</param>
        /// <param name="ours">This process's requests in flight or still in its window, this one included.</param>
        /// <param name="uncounted">This process's requests sent after this one and not answered yet: they may take some of <paramref name="remaining"/>.</param>
        /// <param name="others">The part of the counted window that is not ours, at least.</param>
        /// <param name="settled">Whether no other request of this process is in flight: the answer then saw all of them counted.</param>
        /// <param name="windowRestarted">Whether the server counts fewer of this process's requests than surely fall in its last window: a fixed window that has just started again, whose room the others' requests are about to take.</param>
        /// <param name="probe">Whether the answered request was the probe (see <see cref="ClaimProbe"/>).</param>
        /// <param name="windowOurs">In a fixed window whose start is known, this process's requests sent in it up to this one (or after it and answered first); -1 otherwise.</param>
        /// <param name="windowOthers">With <paramref name="windowOurs"/>, the rest of the server's count: the others' part of this fixed window; -1 otherwise.</param>
        /// <param name="lateInFixedWindow">Whether the request was sent a third of a fixed window (with a known start) or more after it started: room it sees is room the others left.</param>
        /// <param name="sent">When the answered request was sent; long.MinValue when not known. With <paramref name="settled"/>, tells whether it went out alone (see <see cref="GrowIntoRoom"/>).</param>
        public void Accepted(long now, int limit, int remaining, int ours, int uncounted, int others, bool settled = true, bool windowRestarted = false, bool probe = false, int windowOurs = -1, int windowOthers = -1, bool lateInFixedWindow = false, long sent = long.MinValue)
        {
            // Sent after every earlier answer came and answered before any other: nothing else of
            // this process was in flight while it was, like a probe.
            var alone = settled && sent != long.MinValue && sent >= _lastAnswer;

            Grow(now, limit, probeGoesAlone: false);

            // Full, or nearly: a fixed window is seen full only by its last answers, so a little slack
            // lets every process notice it.
            var full = remaining <= global::System.Math.Max(1, limit / 10);
            // Only the answer to this process's latest request sees all of its part counted: an
            // earlier one leaves out requests the server may have counted already (a burst reaches
            // it in any order), and would see the others as more processes than there are. In a
            // fixed window that the others' bursts filled first, an answer in the middle of this
            // process's burst saw 12 of its 20 requests beside 44 of the others: five processes.
            if (uncounted == 0 && windowOurs >= 0)
            {
                if (windowOthers * 10 < limit)
                {
                    OthersAbsentAtWindowStart(now);
                }

                // A fixed window with a known start: ours in it are counted exactly. The sliding
                // count would hold the previous window's requests too, and see the others as fewer
                // than they are (a process alone, even).
                EstimateProcesses(now, limit, full, windowOurs, windowOthers, exact: true);
            }
            else if (uncounted == 0)
            {
                EstimateProcesses(now, limit, full, ours, others, exact: false);
            }

            var room = remaining - uncounted;

            // Until the window is first seen full nothing is known about the others: send no more
            // than the server says is left, so processes starting together do not overrun it together.
            // While requests of this process are in flight the room an answer shows is stale (the
            // others' requests counted after it are not in it): hold what is held; the answer that
            // settles the last one tells what is left.
            if (_lastFull == long.MinValue && room >= 0)
            {
                if (settled && _sentBeforeTheFirstSettledAnswer == 0)
                {
                    _sentBeforeTheFirstSettledAnswer = ours;
                }

                _share = settled
                    ? global::System.Math.Min(limit, global::System.Math.Max(1, ours + room))
                    : global::System.Math.Min(global::System.Math.Min(_share, limit), global::System.Math.Max(1, ours));

                // Unsettled only by requests sent before this one: their answers are slow, not
                // uncounted, once they have been out a while (SettleSlowAnswers). Only where the
                // window is at least half free: processes starting together fill it with their first
                // bursts, and there the answer that settles them all must still tell the room.
                _shareOnceSettled = !settled && uncounted == 0 && room * 2 >= limit ? global::System.Math.Min(limit, global::System.Math.Max(1, ours + room)) : -1;

                // Once the window is seen full, below an even split the share grows by one a quarter window from here.
                _nextIncrease = now + (_window / 4);
            }

            var othersPresent = (windowOurs >= 0 ? windowOthers : others) * 10 >= limit;
            if (full)
            {
                _lastFull = now;
                if (!othersPresent)
                {
                    // This process holds nine tenths of a full window: whoever else there was has gone.
                    _processes = 1;
                }
            }

            if (windowRestarted)
            {
                // A fixed window's start shows room to everyone: it tells nothing about spare room,
                // and a probe that meets it learnt nothing either.
                _probeOut = _probeOut && !probe;
                _roomSince = long.MaxValue;
                _lastAnswer = now;
                _lastRoom = 0;
                _lastAnswerSaturated = false;
            }
            else
            {
                GrowIntoRoom(now, limit, room, ours, others, probe && _probeOut, lateInFixedWindow, alone, settled, sent);
                _probeOut = _probeOut && !probe;
            }

            if (settled && room <= 0 && othersPresent && windowOurs < 0)
            {
                ProbeForRoomTheOthersLeave(now, limit);
            }

            if (settled && lateInFixedWindow && windowOurs >= 0 && windowOthers * 10 < limit)
            {
                TakeTheWindowTheOthersLeft(now, limit, room, ours);
            }

            // A full window shared with others (they hold a tenth of it at least: a process alone
            // in a full window keeps it whatever it estimated before): hold no more than an even split.
            if (full && _processes > 1 && othersPresent)
            {
                var even = EvenSplit(limit);
                if (even < global::System.Math.Min(_share, limit))
                {
                    _share = even;
                    _nextIncrease = global::System.Math.Max(_nextIncrease, now + _window);
                }
            }
        }

        /// <summary>
        /// Room the server reports is spare only when it lasts: right after a fixed window starts,
        /// or when slots of the others have just expired, it is the others' requests about to come;
        /// and only answers tell, so a gap of more than an eighth of a window between answers starts
        /// the watch again. When the others hold under a tenth of the window (they have gone), only
        /// a gap of more than a third of a window does: a shorter one hides nothing then (their
        /// requests would stay counted for a whole window of a sliding count, and a fixed window's
        /// start is recognised apart), and with an eighth, a process whose slots free a few at a time
        /// (its answers come in clumps 0.8 s apart) never saw room last: one left alone kept an even
        /// split of three for seven windows. Room is
        /// confirmed when every answer showed it for a quarter of a window, or when a probe sent
        /// after a quarter of a window without answers finds it still there (a fixed window's last
        /// part, where every request of this process waits for its slots to free). Confirmed room
        /// is taken, split with the others that may be taking it too (none, when their part shrank
        /// while the room lasted: they are leaving), once per quarter window:
        /// alone, all of it at once, so a process whose peers stopped has the whole window within a
        /// window or two of their going, driven by what X-RateLimit-Remaining shows. Settled: no other
        /// request of this process is in flight; sent: when the answered request left (long.MinValue
        /// when not known).
        /// </summary>
        private void GrowIntoRoom(long now, int limit, int room, int ours, int others, bool probe, bool lateInFixedWindow, bool alone, bool settled, long sent)
        {
            var roomBefore = _lastRoom;
            var answerBefore = _lastAnswer;
            var othersBefore = _lastOthers;
            var quietBefore = answerBefore != long.MinValue && now - answerBefore >= _window / 8;

            // A request of this process's share that went out alone an eighth of a window or more
            // after the last answer tells what a probe would, without taking a slot more. Once a
            // process's slots are spread over the window (a request freeing every few hundred
            // milliseconds, each taken again at once), no probe can go out alone, and no quarter
            // window passes without an answer: the room those single requests show, answer after
            // answer, is all there is to tell that the others have gone.
            var single = alone && !probe && quietBefore && roomBefore > 0;
            _lastOthers = others;

            // Outside a recognised fixed window, the answer that settles a clump of this process's
            // requests, an eighth to a third of a window after the answer that settled the clump
            // before, both showing more than a tenth of the window free and the others' part no
            // larger: the room lasted between them, as a probe's does. A process whose slots free a
            // few at a time sends them in clumps whose answers come less than a quarter window apart,
            // so no probe goes out, and more than an eighth apart, so the watch for lasting room
            // starts again at every clump: at the end of a shared sliding run, the room a finished
            // process left stayed unused for three seconds beside a process with forty requests to
            // go. More than a third of a window apart only once four windows have passed since the
            // first 429: at the start the processes' bursts leave together, and a process whose one
            // clump goes as its slots free, at the same moment of every window, meets the room of a
            // window's start both times (in a fixed window not recognised yet, the others' requests
            // still to come); taken, it cost 20 to 24 429s at once. At the end of a run the same
            // shape is the room that finished processes left, and a bound of a third of a window
            // left it unused (three sliding runs of five at 92.5 %).
            // Not subtracted from long.MinValue: a consumer may compile with overflow checks on.
            var sinceSettled = _lastSettled == long.MinValue ? 0 : now - _lastSettled;
            var pastTheStart = _firstRejected == long.MinValue || now - _firstRejected >= 4 * _window;
            var clumpAfterClump = settled && !probe && !single && _windowStart == long.MinValue
                && _lastSettled != long.MinValue && sent != long.MinValue && sent >= _lastSettled
                && sinceSettled >= _window / 8 && (sinceSettled <= _window / 3 || pastTheStart);
            var clump = clumpAfterClump && room * 10 > limit && _lastSettledRoom * 10 > limit && others <= _lastSettledOthers;
            var clumpRoomBefore = _lastSettledRoom;
            var clumpOthersBefore = _lastSettledOthers;
            if (settled)
            {
                (_lastSettled, _lastSettledRoom, _lastSettledOthers) = (now, room, others);
            }

            // A gap between answers starts the watch again; with the others' part under a tenth of
            // the window, only one longer than a third of a window does (see the summary).
            var longestGap = others * 10 < limit ? _window / 3 : _window / 8;
            if (room <= 0 || (_lastAnswer != long.MinValue && now - _lastAnswer > longestGap))
            {
                _roomSince = room > 0 ? now : long.MaxValue;
                _othersWhenRoomAppeared = others;
            }
            else if (_roomSince == long.MaxValue)
            {
                _roomSince = now;
                _othersWhenRoomAppeared = others;
            }

            var saturated = ours >= global::System.Math.Min(_share, limit);
            _lastAnswer = now;
            _lastRoom = room;
            _lastAnswerSaturated = saturated;

            // A late probe's room is room the others left: a third into a fixed window, or a quarter
            // window after this process's requests were all answered in a full window of any other kind.
            var lateProbe = probe && _lateProbe && (lateInFixedWindow || _windowStart == long.MinValue);
            if (probe)
            {
                _probeWait = _window / 4;
                if (_lateProbe)
                {
                    _lateProbe = false;
                    _lateProbeEvery = room > 0 ? 1 : global::System.Math.Min(MaxLateProbeBackoff, _lateProbeEvery * 2);
                    _windowsToLateProbe = room > 0 ? 0 : _lateProbeEvery;
                }
            }

            // A late probe's room is what the window will end with: lasting by then.
            var lasting = lateProbe || (probe && roomBefore > 0) || single || clump || (_roomSince != long.MaxValue && now - _roomSince >= _window / 4);

            // A probe that finds room still there: what this process has waiting may all go into it
            // when it fits, even when the room is too small to count (a tenth of the window or less
            // counts as full): the last few requests of a shared run, which would otherwise wait a
            // whole window for this process's own slots.
            // So may they when the answers to the requests sent into room this process just grew into
            // show some of it still free, and the others' part no larger than when it grew: two
            // finishing processes that split the room the third left each took part of it, assuming
            // the other would take the rest, and the last few requests of one of them, too few to
            // count as room (the window looks full again), waited a whole window for its own slots
            // while the room they fitted in ended unused. Those requests leave together and reach
            // the server in any order, so the least room their answers show is what is left.
            var sinceGrowth = _grewIntoRoomAt != long.MinValue && sent != long.MinValue && sent >= _grewIntoRoomAt;
            if (sinceGrowth)
            {
                _roomSinceGrowth = global::System.Math.Min(_roomSinceGrowth, room);
            }

            var restOfGrowth = sinceGrowth && settled && _roomSinceGrowth > 0 && limit - _roomSinceGrowth - ours <= _othersWhenGrown;
            if (sinceGrowth && settled)
            {
                _grewIntoRoomAt = long.MinValue;
            }

            _roomForTheRest = probe && lasting && room > 0 ? room : restOfGrowth ? _roomSinceGrowth : 0;
            _littleRoomForTheRest = settled && room > 0 && room * 10 <= limit && _lastFull != long.MinValue ? room : 0;
            _restAlone = others * 10 < limit;
            if (room <= 0 || !lasting || _lastFull == long.MinValue || !saturated || _share >= limit || (now < _nextRoomGrowth && !probe))
            {
                return;
            }

            // Split with the others that may be taking it too, as many as hold what the others hold
            // if each held what this process does.
            var free = (probe && !lateProbe) || single ? global::System.Math.Min(room, roomBefore) : clump ? global::System.Math.Min(room, clumpRoomBefore) : room;
            // Others whose part shrank while the room lasted are leaving (their slots expire and are
            // not used again): they are not taking it, and this process takes it whole.
            // So are the others of a fixed window well after its start: what they left by then,
            // they left for good (the window ends unused), whether they are finishing or not.
            // And so are others whose part did not grow in the eighth of a window or more that a
            // probe's room lasted without answers: had they wanted it, their own probes would have
            // taken some of it by then (the others of a shared run's last window, finished but still
            // counted until their requests leave the window).
            var leaving = lateInFixedWindow || (probe || single ? others < othersBefore || (quietBefore && others <= othersBefore) : clump ? others < clumpOthersBefore : others < _othersWhenRoomAppeared);
            var holders = others * 10 >= limit && !leaving ? global::System.Math.Max(1, (int)global::System.Math.Floor(((double)others / global::System.Math.Max(1, ours)) + 0.5)) : 0;
            var most = probe && _probeBelowEven ? EvenSplit(limit) : limit;
            _share = global::System.Math.Max(global::System.Math.Min(_share, limit), global::System.Math.Min(most, ours + ((free + holders) / (1 + holders))));
            _nextRoomGrowth = now + (_window / 4);
            _grewIntoRoomAt = now;
            _othersWhenGrown = others;
            _roomSinceGrowth = int.MaxValue;
            if (leaving)
            {
                // Fewer others than the estimate counts: as many processes as fit in the window
                // with this process's new share, at most. Otherwise the next full window would
                // cut the share back to an even split of the old estimate, which falls by one
                // per two windows only: a process left with one peer would take many windows to
                // reach half the window.
                var processes = ProcessesLike(_share, others, limit, exact: _windowStart != long.MinValue);
                if (processes < _processes)
                {
                    _processes = processes;
                    _processesSeen = now;
                }
            }
        }

        /// <summary>
        /// The answer to this process's latest request in a fixed window found the others' part of
        /// it under a tenth of the limit. At a window's start every process's requests come together,
        /// so the others have not come; found again in the next window, they are gone, or nearly:
        /// the late probe of that window goes out whatever the backoff of earlier late probes that
        /// met full windows. Without this, a process left alone in a long shared run (its late probes
        /// backed off to one per eight windows, and the room its own answers show at a window's
        /// start telling nothing) kept the share of a crowd for up to eight windows. Wrong, it costs
        /// one 429 a window.
        /// </summary>
        private void OthersAbsentAtWindowStart(long now)
        {
            _othersAbsentThisWindow = true;
            if (_othersAbsentLastWindow && _windowStart != long.MinValue && _windowsToLateProbe > 0 && _lateProbeAt == long.MaxValue && !_lateProbe && now - _windowStart < _window / 3)
            {
                _windowsToLateProbe = 0;
                _lateProbeAt = _windowStart + (_window / 3);
            }
        }

        /// <summary>
        /// Every request of this process is answered, the latest sent a third or more into a fixed
        /// window whose start is known, and the others' part of that window is under a tenth of it:
        /// what a late probe would find. Found in two windows in a row, the others are gone, and the
        /// room is taken whole, as a late probe's would be. A process left alone with the share of a
        /// crowd (15 of 60, counting four processes after the 429s of a shared run) otherwise kept it
        /// for as long as it ran: its requests went in clumps that freed its slots less than an eighth
        /// of a window after each late probe was due, so no probe ever went out alone, and the first
        /// answers of every window, the server having just forgotten its requests, restarted the
        /// watch for lasting room.
        /// </summary>
        private void TakeTheWindowTheOthersLeft(long now, int limit, int room, int ours)
        {
            var gone = _othersGoneLateLastWindow;
            _othersGoneLateThisWindow = true;
            if (!gone || room <= 0 || global::System.Math.Min(_share, limit) >= limit)
            {
                return;
            }

            _share = global::System.Math.Max(global::System.Math.Min(_share, limit), global::System.Math.Min(limit, ours + room));
            _processes = 1;
            _processesSeen = now;
        }

        /// <summary>
        /// Every request of this process is answered, the window is full and the others hold a tenth
        /// of it at least, in a window whose kind is not known to be fixed (a sliding one, or a fixed
        /// one not recognised yet): a quarter of a window later one request more, sent alone, finds
        /// out whether the others left room meanwhile, at most once a window. Its answer is a late
        /// probe's: room it finds is taken, and everything waiting goes into it when it fits (see
        /// <see cref="TakeRoomForTheRest"/>). In a sliding window no answer comes between this
        /// process's bursts, and the room a finishing process leaves appears when its last requests
        /// leave the window, after every answer: three processes that split 900 requests in windows
        /// of 60 so evenly that the last window needed one more than the limit left that slot unused
        /// for two and a half seconds beside a process that had one request waiting for it; the
        /// request waited for its own slot, a window later, and the run's rate fell to 92.6 %. A full
        /// window costs the probe one 429 and no share (see <see cref="Rejected"/>), and only while
        /// requests wait: with nothing waiting no request takes the slot it arms.
        /// </summary>
        private void ProbeForRoomTheOthersLeave(long now, int limit)
        {
            if (_lastFull == long.MinValue || _lateProbeAt != long.MaxValue || _lateProbe || _probeOut || _probeArmed
                || global::System.Math.Min(_share, limit) >= limit || now < _nextProbeForRoomLeft)
            {
                return;
            }

            _lateProbeAt = now + (_window / 4);
            _nextProbeForRoomLeft = now + _window;
        }

        /// <summary>
        /// Whether everything waiting fits in the room the last answer showed, and that room is more
        /// than a tenth of the window or what waits is a tenth of it at most: a probe that finds it
        /// still there sends it all (see <see cref="TakeRoomForTheRest"/>), so it goes a quarter
        /// window after that answer even when earlier probes met full windows. The last requests of
        /// a shared run otherwise waited a whole window for this process's own slots while the room
        /// the finished processes left went unused: the backoff meant for a window that stays full
        /// held the probe until the next window's start, where room tells nothing. A little room
        /// counts too for a few last requests: three processes that each sent 300 in windows of 60
        /// and split them evenly but for one request ended with that request alone in a sixteenth
        /// window, beside the one slot the process finishing first left in the fifteenth. In a
        /// window that stays full the probe costs one 429 a quarter window, and only at a run's end.
        /// </summary>
        private bool RestFits(int limit, int waiting) => waiting > 0 && waiting <= _lastRoom && (_lastRoom * 10 > limit || waiting * 10 <= limit);

        /// <summary>Whether the last answer showed room while this process used its whole share: a probe may find it still there.</summary>
        private bool ProbeDue(int limit) => _lastAnswer != long.MinValue && _lastFull != long.MinValue && _lastRoom > 0 && _lastAnswerSaturated && _share < limit;

        /// <summary>
        /// How many processes share the window, assuming the others are like this one: as many as
        /// fit in what they hold (two at least when they hold a tenth of the window), measured when
        /// the window is full and this process holds half an even split at least: a process with a
        /// handful of requests would see dozens of processes like itself. The highest recent
        /// estimate stands while it is confirmed; unconfirmed for two windows, it falls by one per
        /// window. Every process measures the same thing when the shares are even, so the estimate
        /// holds them there.
        /// </summary>
        private void EstimateProcesses(long now, int limit, bool full, int counted, int others, bool exact)
        {
            var even = EvenSplit(limit);
            if (full && counted * 10 >= limit && (_processes == 1 || counted * 2 >= even))
            {
                var estimate = ProcessesLike(counted, others, limit, exact);
                if (estimate > _processes && GrowingBackFromTheStart(limit, estimate))
                {
                    return;
                }

                if (estimate >= _processes)
                {
                    _processes = estimate;
                    _processesSeen = now;
                    OthersHoldMoreThanTheEstimateAllows(now, limit, others);

                    return;
                }

                // Fewer processes than estimated, measured (not merely unconfirmed: a window in
                // which this process held little tells nothing) for two windows: one fewer per window.
                if (now - _processesSeen > 2 * _window)
                {
                    _processes--;
                    _processesSeen = now - _window;
                }
            }
        }

        /// <summary>
        /// Whether a count of <paramref name="estimate"/> processes, more than this process counted
        /// from the first window that filled, comes from a part it holds below an even split by its
        /// own choice: a 429 within two windows of its first cut it, and it grows back a request a
        /// quarter window, not yet within two of the share that first window left it, or of an even
        /// split when that window left it less and its burst bound the count (see
        /// <see cref="ProcessesTheFirstBurstImplies"/>: its part was no measure then). That part
        /// measures how far it has grown back, not how many the others are, and counts no process
        /// more. Processes that start together race for the slots the first window frees: one whose
        /// slots were freeing just then was cut to half of them, counted five processes from the 13
        /// it held while growing back, and kept that count, and a third of what the others held, for
        /// the run. Only a cut in that race: a process cut later, because another has joined, counts
        /// it from the part it is left with.
        /// </summary>
        private bool GrowingBackFromTheStart(int limit, int estimate)
        {
            var share = global::System.Math.Min(_share, limit);
            var even = EvenSplit(limit);
            var target = _startCountBoundByTheBurst ? global::System.Math.Max(_shareAtStart, even) : _shareAtStart;
            return _cutInTheStartRace && estimate > _processesAtStart && _processes > 1
                && share < even && share + 2 < target;
        }

        /// <summary>
        /// At most how many processes the first burst's 429s leave room for: were every process's
        /// first burst like this one's (<paramref name="ours"/> held and the 429s so far), the
        /// window's limit and this process's 429s at least would take that many bursts, rounded
        /// up. A process whose connections came up late got 12 of its 24 into the first window
        /// beside the others' 24 and 24. Counted from its part, that is five processes like it: it
        /// kept their even split for the run and finished a window or more after the others. Its
        /// burst says three (72 requests of 24 each). Too few rather than too many: a process that
        /// counts too few meets 429s and counts again from the part it holds then, while one that
        /// counts too many leaves its slots to the others for good. The burst is what the process
        /// sent before an answer settled it, when one did before the window filled: a process whose
        /// 24 reached the server first saw 36 left on that answer and sent 24 more, all rejected
        /// beside the others' 36. Counted as one burst of 48, the others were one process like it
        /// (two in all); they were two like its first 24. It counted two, held 25 for four windows
        /// while the smallest held 10 to 13, and the run ended at 92.6 % of the allowed rate.
        /// </summary>
        private int ProcessesTheFirstBurstImplies(int limit, int ours)
        {
            var burst = ours + _firstBurstRejections;
            if (_sentBeforeTheFirstSettledAnswer > 0)
            {
                burst = global::System.Math.Min(burst, _sentBeforeTheFirstSettledAnswer);
            }

            // As many others as fit in the rest of the window with a whole burst each, rounded up,
            // and this process: (limit + rejections) / (held + rejections) when the burst is all sent.
            return 1 + ((limit - global::System.Math.Min(limit, ours) + burst - 1) / burst);
        }

        /// <summary>
        /// The estimate assumes the others are like this process, so each of them holds an even split
        /// of the window at most (a full window cuts a larger share back to one). Others holding more
        /// than that, on average over a whole window of full windows' answers, are more processes
        /// than estimated: one more is counted. Without this, every split is consistent with the
        /// estimates it leads to: three processes holding 12, 20 and 28 of the window count five,
        /// three and two, each within its even split, and stay so for good. The one at 28 now counts
        /// three and gives back to 20, and the room it leaves lets the smallest grow. An average, not
        /// every answer: the one at 28 keeps reaching for its even split of 30, and each time it holds
        /// 30 for a moment the others show 30 (a 429 that has just cut a process shows the others
        /// large for a moment too, not for a whole window). It is checked whatever this process
        /// holds: the one at 28 holds less than its even split of two only because the window is full.
        /// In a sliding window too, where the others' part seen on an answer moves with where this
        /// process's slots happen to fall: averaged over a window it still tells. There a process
        /// that counted two from 24 of the first window held 24 to 28 for the run beside 20 and 12
        /// to 15 (that one counting four, then five), and the smallest finished 13 s after it. The
        /// count there still rounds to the nearest (see <see cref="ProcessesLike"/>). Measured:
        /// docs/retry-measurements.md, "Sixteenth pass".
        /// </summary>
        private void OthersHoldMoreThanTheEstimateAllows(long now, int limit, int others)
        {
            if (_processes < 2)
            {
                _othersOverSince = long.MaxValue;
                return;
            }

            // A sum over answers of one count only: whatever changed the count starts it again.
            if (_othersOverSince == long.MaxValue || _othersOverProcesses != _processes)
            {
                (_othersOverSince, _othersOverProcesses, _othersOverSum, _othersOverAnswers) = (now, _processes, 0, 0);
            }

            var even = EvenSplit(limit);
            _othersOverSum += others - ((_processes - 1) * even);
            _othersOverAnswers++;
            if (now - _othersOverSince < _window)
            {
                return;
            }

            // More than one request over, on average: held steadily, not a moment's overlap, and
            // not the one request a process of two may hold over its even split until its next answer.
            if (_othersOverSum > _othersOverAnswers)
            {
                _processes++;
                _processesSeen = now;
                // The slots it now gives back are for the smaller processes: taken back as lasting
                // room (its own part shrinking looks like room that lasts), they counted this process
                // among fewer processes again within a window or two, and the split stayed as it was.
                _nextRoomGrowth = global::System.Math.Max(_nextRoomGrowth, now + (2 * _window));
            }

            _othersOverSince = long.MaxValue;
        }

        /// <summary>
        /// How many processes hold <paramref name="ours"/> and <paramref name="others"/> if each holds
        /// what this one does: two at least when the others hold a tenth of the window. Rounded down
        /// unless seven tenths of one more process are there (22 of 60 still count three): a process
        /// below an even split then counts too few rather than too many, and its share is above what
        /// it holds, so it grows into room the others leave. Rounded to the nearest, 15 beside 20 and
        /// 20 (a window with a tenth or less left counts as full) counted four processes, an even
        /// split of 15, and the 5 left stayed unused; a process counting too few is corrected by the
        /// others' part (see
        /// <see cref="OthersHoldMoreThanTheEstimateAllows"/>). Only where the parts are
        /// <paramref name="exact"/> (a fixed window with a known start): elsewhere the count rounds to
        /// the nearest, as a part seen in a sliding window moves from answer to answer, and a process
        /// at 23 of 60 that rounded down counted two (measured: docs/retry-measurements.md, "Fourteenth pass").
        /// </summary>
        private static int ProcessesLike(int ours, int others, int limit, bool exact)
        {
            var processes = global::System.Math.Max(1, (int)global::System.Math.Floor((((double)ours + others) / ours) + (exact ? 0.3 : 0.5)));
            return others * 10 >= limit ? global::System.Math.Max(2, processes) : processes;
        }

        /// <summary>An even split of the window among the processes counted, rounded up.</summary>
        private int EvenSplit(int limit) => (limit + _processes - 1) / _processes;

        /// <summary>A random number in [0, 1), shared by the process's pacing.</summary>
        internal static double NextDouble()
        {
            lock (Random)
            {
                // Jitter only spreads processes out; it needs no unpredictability.
#pragma warning disable CA5394
                return Random.NextDouble();
#pragma warning restore CA5394
            }
        }

        private void Grow(long now, int limit, bool probeGoesAlone, int waiting = 0)
        {
            // A late probe that cannot go out alone soon after it is due is dropped: later it would
            // go with this process's next burst.
            if (now >= _lateProbeAt && !probeGoesAlone && now >= _lateProbeAt + (_window / 8))
            {
                _lateProbeAt = long.MaxValue;
            }

            if (now >= _lateProbeAt && probeGoesAlone)
            {
                _lateProbeAt = long.MaxValue;
                if (!_probeOut && !_probeArmed && _share < limit)
                {
                    _share++;
                    _probeArmed = true;
                    _probeBelowEven = false;
                    _lateProbe = true;
                }
            }

            // Below an even split, probe for more four times a window. At or above it, only the
            // server's reports of room let the share grow.
            // Before the window was first seen full, what the server said was left sets the share.
            var even = EvenSplit(limit);
            while (_share < even && now >= _nextIncrease && _lastFull != long.MinValue)
            {
                _nextIncrease += _window / 4;
                _share++;

                // The request that takes the slot is a probe too: when the room the last answer
                // showed is still there it is taken, up to an even split, so a process that fell
                // far below one (or whose estimate is stale) is not held to a request a quarter window.
                if (_lastRoom > 0 && !_probeOut && probeGoesAlone)
                {
                    _probeArmed = true;
                    _probeBelowEven = true;
                }
            }

            // The last answer showed room, and none came for a quarter of a window (every request
            // of this process is in the window, waiting for its slots to free): one request more
            // finds out whether the room is still there. Its answer tells (see GrowIntoRoom); a 429
            // costs no slot and puts the share back.
            if (ProbeDue(limit) && now >= _lastAnswer + (_window / 4) && (now >= _nextRoomGrowth || RestFits(limit, waiting)) && probeGoesAlone)
            {
                _share = global::System.Math.Min(limit, global::System.Math.Min(_share, limit) + 1);
                _nextRoomGrowth = now + (_window / 4);
                _lastAnswerSaturated = false;
                _probeArmed = true;
                _probeBelowEven = false;
            }
        }
    }
}
