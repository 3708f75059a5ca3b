namespace DatoCms.ErrorCodes.Generators.Analyzers;

/// <summary>
/// A few enum values (the transient codes, the codes a switch lists), in the order they were added,
/// without duplicates. Not a <c>HashSet&lt;long&gt;</c> or an <c>ImmutableArray&lt;long&gt;</c>: those are
/// generic code over a value type that no precompiled image holds, so a fresh compiler process
/// compiled about thirty of their methods just in time for these rules, inside the analyzers' time
/// (this class is in the package's ReadyToRun copy). The sets hold a handful of values: a linear
/// search is as fast as hashing.
/// </summary>
internal sealed class CodeValueSet
{
    private long[] _values = new long[8];

    /// <summary>How many values the set holds.</summary>
    public int Count { get; private set; }

    /// <summary>The value added <paramref name="index"/>-th.</summary>
    public long this[int index] => _values[index];

    /// <summary>Adds a value the set does not hold yet.</summary>
    public void Add(long value)
    {
        if (Contains(value))
        {
            return;
        }

        if (Count == _values.Length)
        {
            var larger = new long[_values.Length * 2];
            System.Array.Copy(_values, larger, Count);
            _values = larger;
        }

        _values[Count++] = value;
    }

    /// <summary>Whether the set holds <paramref name="value"/>.</summary>
    public bool Contains(long value)
    {
        for (var i = 0; i < Count; i++)
        {
            if (_values[i] == value)
            {
                return true;
            }
        }

        return false;
    }
}
