namespace DatoCms.ErrorCodes.Generators.Analyzers;

/// <summary>
/// A few enum values (the transient codes' values, the codes a switch lists), in the order they were
/// added. Not a <c>HashSet&lt;long&gt;</c>, <c>List&lt;long&gt;</c> or <c>ImmutableArray&lt;long&gt;</c>:
/// those are generic code over a value type that no precompiled image holds, so a fresh compiler
/// process compiled about thirty of their methods just in time for these rules, inside the
/// analyzers' time (this class is in the package's ReadyToRun copy). The lists hold a handful of
/// values: a linear search is as fast as hashing.
/// </summary>
internal sealed class CodeValueList
{
    private long[] _values = new long[8];

    /// <summary>How many values the list holds.</summary>
    public int Count { get; private set; }

    /// <summary>The value added <paramref name="index"/>-th.</summary>
    public long this[int index] => _values[index];

    /// <summary>Adds a value at the end (a value already there is added again: indexes stay aligned with the caller's).</summary>
    public void Add(long value)
    {
        if (Count == _values.Length)
        {
            var larger = new long[_values.Length * 2];
            System.Array.Copy(_values, larger, Count);
            _values = larger;
        }

        _values[Count++] = value;
    }

    /// <summary>Whether the list holds <paramref name="value"/>.</summary>
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
