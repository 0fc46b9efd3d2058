using WorkersHome.Platform.Security;

namespace WorkersHome.Modules.Assistance.Archive;

/// <summary>A cadre corrects a file that waits for the union's check or came back, and files it again.</summary>
public sealed class RefileHardship(HardshipDetailsCipher details, HardshipFileSteps steps, CurrentCadre cadre)
{
    public async Task<HardshipFile> ExecuteAsync(Guid fileId, int version, HardshipForm form, CancellationToken ct) =>
        await RefileAsync(await steps.FindAsync(fileId, HardshipStepKind.Refiled, version, ct), version, form, cadre.UserName, ct);

    /// <summary>Files <paramref name="file"/> again, as it was at <paramref name="version"/>, for <paramref name="actor"/> (a cadre, or the member on the phone).</summary>
    internal async Task<HardshipFile> RefileAsync(HardshipFile file, int version, HardshipForm form, string actor, CancellationToken ct)
    {
        details.Describe(file, HardshipFormRules.Validate(form));
        file.Refile();
        await steps.SaveAsync(file, version, HardshipStepKind.Refiled, steps.IncomeText(file), null, ct, actor);
        return file;
    }
}