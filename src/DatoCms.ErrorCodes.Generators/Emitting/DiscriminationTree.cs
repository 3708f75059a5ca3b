using System;
using System.Collections.Generic;
using System.Linq;

namespace DatoCms.ErrorCodes.Generators.Emitting;

/// <summary>
/// Decides between keys of one length by looking at as few positions as possible: at each step
/// the position whose value splits the remaining keys into the most groups (then the smallest
/// largest group, then the lowest position), until one key is left, which the caller then
/// compares in full. The parsers emit it as nested switches, so a lookup costs a length switch,
/// a few element switches and one vectorised comparison, whatever the spec's shared prefixes.
/// </summary>
/// <typeparam name="T">What a key stands for (the code).</typeparam>
internal abstract class DiscriminationTree<T>
{
    private DiscriminationTree()
    {
    }

    /// <summary>Builds the tree for keys of equal length (the elements are bytes or chars, as ints).</summary>
    public static DiscriminationTree<T> Build(IReadOnlyList<(int[] Key, T Value)> keys)
    {
        if (keys.Count == 0)
        {
            throw new ArgumentException("A tree needs at least one key.", nameof(keys));
        }

        if (keys.Count == 1)
        {
            return new Leaf(keys[0].Key, keys[0].Value);
        }

        var position = BestPosition(keys);
        if (position < 0)
        {
            // Equal keys (the validation reports duplicates): no position tells them apart, the first wins.
            return new Leaf(keys[0].Key, keys[0].Value);
        }

        var branches = keys
            .GroupBy(k => k.Key[position])
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, Build(g.ToList())))
            .ToList();
        return new Branch(position, branches);
    }

    /// <summary>The deepest chain of element switches before the final comparison.</summary>
    public abstract int Depth { get; }

    private static int BestPosition(IReadOnlyList<(int[] Key, T Value)> keys)
    {
        var best = -1;
        var bestGroups = 1;
        var bestLargest = int.MaxValue;
        for (var position = 0; position < keys[0].Key.Length; position++)
        {
            var counts = new Dictionary<int, int>();
            foreach (var (key, _) in keys)
            {
                counts.TryGetValue(key[position], out var count);
                counts[key[position]] = count + 1;
            }

            var largest = counts.Values.Max();
            if (counts.Count > bestGroups || (counts.Count == bestGroups && counts.Count > 1 && largest < bestLargest))
            {
                best = position;
                bestGroups = counts.Count;
                bestLargest = largest;
            }
        }

        return best;
    }

    /// <summary>One key left: compare the value with it in full.</summary>
    public sealed class Leaf : DiscriminationTree<T>
    {
        public Leaf(int[] key, T value)
        {
            Key = key;
            Value = value;
        }

        public int[] Key { get; }

        public T Value { get; }

        public override int Depth => 0;
    }

    /// <summary>Switch on the element at <see cref="Position"/>; each value leads to the keys that have it there.</summary>
    public sealed class Branch : DiscriminationTree<T>
    {
        public Branch(int position, IReadOnlyList<(int Element, DiscriminationTree<T> Subtree)> branches)
        {
            Position = position;
            Branches = branches;
        }

        public int Position { get; }

        public IReadOnlyList<(int Element, DiscriminationTree<T> Subtree)> Branches { get; }

        public override int Depth => 1 + Branches.Max(b => b.Subtree.Depth);
    }
}
