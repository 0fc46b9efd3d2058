using WorkersHome.Modules.Members.Register;

namespace WorkersHome.Bench.Scenarios.AuditThroughput;

/// <summary>A correction to one member's record, made against the version the cadre's form was loaded at.</summary>
internal sealed record MemberCorrection(Guid MemberId, int Version, MemberInput Input);

/// <summary>
/// The changes one phase may make, each once: member records to correct, codes shown at the till, applications to
/// approve. Phases take from pools of their own, so that no phase finds its work already done by another.
/// </summary>
internal sealed class ChangePool(string name, IReadOnlyList<MemberCorrection> corrections, IReadOnlyList<Guid> cards, IReadOnlyList<Guid> applications)
{
    private int _correction = -1;
    private int _sale = -1;
    private int _approval = -1;

    public string Name { get; } = name;

    /// <summary>The cards whose codes the members show, one code per sale; issued just before the phase (codes expire).</summary>
    public IReadOnlyList<Guid> Cards { get; } = cards;

    public int Size => Math.Min(corrections.Count, Math.Min(Cards.Count, applications.Count));

    public MemberCorrection? NextCorrection() => Take(corrections, ref _correction);

    /// <summary>The index of the next card to show at the till, or -1 when the pool is used up.</summary>
    public int NextSale()
    {
        var i = Interlocked.Increment(ref _sale);
        return i < Cards.Count ? i : -1;
    }

    public Guid? NextApplication()
    {
        var i = Interlocked.Increment(ref _approval);
        return i < applications.Count ? applications[i] : null;
    }

    private static T? Take<T>(IReadOnlyList<T> items, ref int cursor) where T : class
    {
        var i = Interlocked.Increment(ref cursor);
        return i < items.Count ? items[i] : null;
    }
}