using System.Collections.Concurrent;
using System.Threading.Channels;

namespace WorkersHome.Modules.Organizations.BrowseTree;

/// <summary>
/// The tree's id → path map held in memory, so that "is node X inside cadre Y's subtree" is answered
/// without a database round trip. It is trusted only while invalidations are sure to reach it
/// (see <see cref="OrgPathIndexSync"/>); otherwise callers fall back to the database.
/// </summary>
public sealed class OrgPathIndex
{
    private readonly ConcurrentDictionary<long, string> _recent = new();
    private readonly Channel<bool> _reloads = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private volatile IReadOnlyDictionary<long, string>? _snapshot;
    private volatile bool _trusted;
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public bool IsLoaded => _trusted && _snapshot is not null;

    internal ChannelReader<bool> ReloadRequests => _reloads.Reader;

    public bool TryGetPath(long id, out string? path)
    {
        path = null;
        if (!_trusted)
        {
            return false;
        }

        return (_snapshot?.TryGetValue(id, out path) ?? false) || _recent.TryGetValue(id, out path);
    }

    /// <summary>Keeps a path read from the database, unless the tree changed while it was being read.</summary>
    public void Remember(long id, string path, long generationAtRead)
    {
        if (!_trusted)
        {
            return;
        }

        _recent[id] = path;
        if (Generation != generationAtRead)
        {
            _recent.TryRemove(id, out _);
        }
    }

    /// <summary>Paths changed somewhere (a move): forget everything and ask for a reload.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _snapshot = null;
        _recent.Clear();
        _reloads.Writer.TryWrite(true);
    }

    internal void Publish(IReadOnlyDictionary<long, string> snapshot, long generationAtRead)
    {
        _snapshot = snapshot;
        if (Generation != generationAtRead)
        {
            _snapshot = null;
        }
    }

    internal void SetTrusted(bool trusted)
    {
        _trusted = trusted;
        if (!trusted)
        {
            Invalidate();
        }
    }
}