namespace WorkersHome.Modules.Members.Contracts;

/// <summary>What other modules may know of a member: who, where, and whether the membership counts (active or retained).</summary>
public sealed record MemberSummary(Guid Id, string Name, long OrgId, string OrgPath, bool CountsAsMember, string StatusZh, string StatusEn,
    MemberGroups Groups = MemberGroups.None, string IdMasked = "", string IdHash = "");

/// <summary>A phone number as the registry keeps it: encrypted, by keyed hash, and masked for screens.</summary>
public sealed record StoredPhone(string Cipher, string Hash, string Masked);

public interface IMemberDirectory
{
    /// <summary>A member in the asking cadre's subtree, or null.</summary>
    Task<MemberSummary?> FindInScopeAsync(Guid memberId, CancellationToken ct = default);

    /// <summary>
    /// A member whatever the scope, for a caller that has already settled access: the signed-in member's own record,
    /// or the holder of a card found in the cadre's subtree.
    /// </summary>
    Task<MemberSummary?> FindCheckedAsync(Guid memberId, CancellationToken ct = default);

    /// <summary>
    /// As <see cref="FindCheckedAsync"/>, but on PostgreSQL read on a connection of its own instead of the caller's
    /// context: cheap enough for a till to ask at every sale, and outside any unit of work the caller has open, so it
    /// sees committed data only (not a member the caller has just added or changed).
    /// </summary>
    Task<MemberSummary?> FindCheckedCommittedAsync(Guid memberId, CancellationToken ct = default);

    /// <summary>Those of the given members who belong to <paramref name="group"/> (one query for a whole list). The caller has settled access.</summary>
    Task<IReadOnlySet<Guid>> InGroupAsync(IReadOnlyCollection<Guid> memberIds, MemberGroups group, CancellationToken ct = default);

    /// <summary>
    /// The members' full ID numbers (decrypted), for a document that must carry them, such as a bank payment file. The
    /// caller has settled access and audits the disclosure; a member not found is left out.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, string>> IdNumbersAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken ct = default);

    /// <summary>
    /// The members below <paramref name="orgPath"/> whose membership counts (active or retained), in id order after
    /// <paramref name="after"/>: a keyset page for work over a whole subtree. The caller has settled access to the path.
    /// </summary>
    Task<IReadOnlyList<MemberSummary>> CountingPageAsync(string orgPath, Guid? after, int take, CancellationToken ct = default);

    /// <summary>The names of the given members, for lists (one query). The caller has settled access.</summary>
    Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken ct = default);

    /// <summary>How many members below <paramref name="orgPath"/> count (active or retained), from the figures kept for it.</summary>
    Task<int> CountingInSubtreeAsync(string orgPath, CancellationToken ct = default);

    /// <summary>
    /// Members in the asking cadre's subtree whose registered phone (or the phone they sign in with) has the keyed hash
    /// <paramref name="phoneHash"/>: a hotline agent finds the caller from the number on the line without the number
    /// ever being compared in clear.
    /// </summary>
    Task<IReadOnlyList<MemberSummary>> FindByPhoneInScopeAsync(string phoneHash, CancellationToken ct = default);

    /// <summary>The member's registered phone as stored (encrypted, keyed hash, masked), or null. The caller has settled access.</summary>
    Task<StoredPhone?> PhoneAsync(Guid memberId, CancellationToken ct = default);

    /// <summary>The keyed hash of the phone the member signs in with (their in-app notices are kept under it), or null.</summary>
    Task<string?> SignInPhoneHashAsync(Guid memberId, CancellationToken ct = default);
}

/// <summary>
/// Lets another module record a member's group where it decides it (the hardship archive marks hardship households),
/// in the caller's unit of work: the mark commits with the decision or not at all.
/// </summary>
public interface IMemberGroupMarker
{
    /// <summary>Adds or removes <paramref name="group"/>; the change is audited with the caller's reason. The caller has settled access.</summary>
    Task SetAsync(Guid memberId, MemberGroups group, bool belongs, string reason, CancellationToken ct = default);
}