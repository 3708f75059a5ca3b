namespace DatoCms.ErrorCodes.Generators.Analyzers.Handling;

/// <summary>
/// The names of the methods that put an item, or several (<c>AddRange(new[] { ex })</c>), into the
/// collection or channel they are called on (<c>List</c>, <c>Dictionary</c>, <c>HashSet</c>,
/// <c>Queue</c>, <c>Stack</c>, <c>LinkedList</c>, the concurrent collections, <c>ChannelWriter</c>). Shared by the syntax shortcut, which must not skip
/// the flow graph for a handler that may keep the error this way, and by the judge, which checks
/// the receiver's type and lifetime before it counts the error as kept.
/// </summary>
internal static class CollectionAdds
{
    public static bool IsAddingName(string name) =>
        name is "Add" or "AddFirst" or "AddLast" or "Insert" or "Enqueue" or "Push" or "TryAdd" or "TryWrite" or "WriteAsync"
            or "AddRange" or "InsertRange" or "PushRange";
}
