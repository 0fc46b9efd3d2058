namespace WorkersHome.Platform.Security;

/// <summary>A signed-in cadre's account joined with their organisation's place in the tree.</summary>
public sealed record CadreOrgRow(string? UserName, string DisplayName, long OrgId, bool TwoFactorEnabled, string Path, string Name);

/// <summary>
/// Reads, in one query, the account and its organisation's path for <see cref="DataScopeMiddleware"/>. The organisation module
/// answers it, so that Platform sets every request's scope without knowing the tree's tables.
/// </summary>
public interface ICadreOrgLookup
{
    /// <summary>Null when the account does not exist or is disabled.</summary>
    Task<CadreOrgRow?> FindEnabledAsync(Guid userId, CancellationToken ct);
}