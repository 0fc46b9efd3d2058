namespace WorkersHome.Modules.Rights.Cases;

/// <summary>受理: the responsible union takes the case on; the accept clock stops.</summary>
public sealed class AcceptCase(CaseSteps steps, Platform.Security.CurrentCadre cadre)
{
    public async Task<RightsCase> ExecuteAsync(Guid id, CaseDecision decision, CancellationToken ct)
    {
        var c = await steps.FindAsync(id, CaseStepKind.Accepted, decision.Version, ct);
        c.Accept(steps.Now, cadre.UserName);
        await steps.SaveAsync(c, decision.Version, CaseStepKind.Accepted, CaseRules.Cut(decision.Note, CaseRules.MaxNote), ct);
        return c;
    }
}