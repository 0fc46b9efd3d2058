using WorkersHome.Modules.Organizations.BrowseTree;

namespace WorkersHome.Tests.Modules.Organizations;

public sealed class OrgPathIndexTests
{
    private static OrgPathIndex Trusted()
    {
        var index = new OrgPathIndex();
        index.SetTrusted(true);
        return index;
    }

    [Fact]
    public void An_untrusted_index_answers_nothing_so_callers_ask_the_database()
    {
        var index = new OrgPathIndex();
        index.Remember(1, "/41/", index.Generation);
        index.TryGetPath(1, out _).ShouldBeFalse();
    }

    [Fact]
    public void A_path_read_before_a_move_is_not_kept_after_it()
    {
        var index = Trusted();
        var before = index.Generation;
        index.Invalidate();
        index.Remember(7, "/41/4101/J7/", before);
        index.TryGetPath(7, out _).ShouldBeFalse();
        index.Remember(7, "/41/4103/J7/", index.Generation);
        index.TryGetPath(7, out var path).ShouldBeTrue();
        path.ShouldBe("/41/4103/J7/");
    }

    [Fact]
    public void A_snapshot_loaded_across_an_invalidation_is_dropped()
    {
        var index = Trusted();
        var generation = index.Generation;
        index.Invalidate();
        index.Publish(new Dictionary<long, string> { [1] = "/41/" }, generation);
        index.IsLoaded.ShouldBeFalse();
        index.Publish(new Dictionary<long, string> { [1] = "/41/" }, index.Generation);
        index.IsLoaded.ShouldBeTrue();
        index.SetTrusted(false);
        index.IsLoaded.ShouldBeFalse();
    }
}