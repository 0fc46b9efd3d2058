using WorkersHome.Modules.Organizations.Contracts;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Modules.Rights.Cases;

/// <summary>
/// 分级主办: which union handles a new case. A case against an employer goes to the county-level union above the
/// employer's grassroots union (the level that has the staff and the standing to deal with an employer; docs/adr/0022);
/// without a known employer, to the county of the place of work the caller names, then to the county above the
/// member's own union, and last to the province's centre, which dispatches by hand.
/// </summary>
public sealed class CaseRouting(IOrgDirectory orgs)
{
    /// <summary>The level cases are routed to by default: the county (区县) union.</summary>
    public const int HandlingLevel = 3;

    /// <summary>The route for a case, and the employer's grassroots union (for confidentiality) when one was named.</summary>
    public async Task<(CaseRoute Route, OrgSummary? EmployerUnion)> RouteAsync(long? employerOrgId, long? placeOrgId, long? memberOrgId, CancellationToken ct)
    {
        OrgSummary? employer = null;
        if (employerOrgId is { } e)
        {
            var lineage = await orgs.LineageAsync(e, ct);
            employer = lineage.Count > 0 && lineage[^1].Level > HandlingLevel ? lineage[^1] : null;
            if (Handler(lineage, includeSelf: false) is { } byEmployer)
            {
                return (Route(byEmployer, new("按用人单位所在地分级主办", "Routed to the union responsible for the employer")), employer);
            }
        }

        if (placeOrgId is { } p && Handler(await orgs.LineageAsync(p, ct), includeSelf: true) is { } byPlace)
        {
            return (Route(byPlace, new("按工作地点分级主办", "Routed by the place of work")), employer);
        }

        if (memberOrgId is { } m && Handler(await orgs.LineageAsync(m, ct), includeSelf: false) is { } byMember)
        {
            return (Route(byMember, new("按会员所在工会分级主办", "Routed by the member's own union")), employer);
        }

        var top = await orgs.TopAsync(ct);
        return (Route(top, new("未能确定主办单位，由省级中心分派", "No responsible union could be found; the province's centre dispatches it")), employer);
    }

    /// <summary>The deepest active union at the handling level or above in the lineage (the node itself only when it may be the place named).</summary>
    private static OrgSummary? Handler(IReadOnlyList<OrgSummary> lineage, bool includeSelf)
    {
        var candidates = includeSelf ? lineage : lineage.Take(Math.Max(lineage.Count - 1, 0));
        return candidates.LastOrDefault(o => o.IsActive && o.Level <= HandlingLevel && o.Level >= 1);
    }

    private static CaseRoute Route(OrgSummary org, LocalizedText why) => new(org.Id, org.Path, org.Name, why);
}