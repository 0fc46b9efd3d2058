using System.Collections.Concurrent;

namespace WorkersHome.Platform.Persistence;

/// <summary>
/// Work a module does on every save of the one context, before anything is written: turning the changes of its
/// entities into tree figures, so that no use case can forget to. A hook is a pure function of the tracked changes,
/// registered once under a name (registering again replaces it), and must not detect changes of other modules' entities.
/// </summary>
public static class SaveHooks
{
    private static readonly ConcurrentDictionary<string, Action<AppDbContext>> Hooks = new(StringComparer.Ordinal);

    public static void Register(string name, Action<AppDbContext> hook) => Hooks[name] = hook;

    internal static void Run(AppDbContext db)
    {
        foreach (var hook in Hooks.Values)
        {
            hook(db);
        }
    }
}