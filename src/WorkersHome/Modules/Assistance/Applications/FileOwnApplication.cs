using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Members.Contracts;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Assistance.Applications;

/// <summary>A member applies to a program on the phone; the amount is worked out and explained at once.</summary>
public sealed class FileOwnApplication(AppDbContext db, IMemberDirectory members, ApplicationFiling filing)
{
    public async Task<AssistanceApplication> ExecuteAsync(Guid memberId, ApplicationForm form, CancellationToken ct)
    {
        var member = await members.FindCheckedAsync(memberId, ct) ?? throw new NotFoundException();
        var program = await db.AssistancePrograms.FirstOrDefaultAsync(p => p.Id == form.ProgramId, ct) ?? throw new NotFoundException();
        return (await filing.FileAsync(member, program, form, ApplicationSteps.ByMember, ct)).Application;
    }
}