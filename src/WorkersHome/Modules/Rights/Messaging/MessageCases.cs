using Microsoft.EntityFrameworkCore;

using WorkersHome.Modules.Rights.Cases;
using WorkersHome.Platform.Localization;
using WorkersHome.Platform.Persistence;

namespace WorkersHome.Modules.Rights.Messaging;

/// <summary>A text a member sent on a channel, under the channel's own message id.</summary>
public sealed record IncomingMessage(string Key, CaseChannel Channel, string Text, MessageFrom From);

/// <summary>The case the message filed or joined, and the answer the member was given.</summary>
public sealed record MessageOutcome(Guid CaseId, string TrackingNumber, bool Joined, string Reply, bool Repeated);

/// <summary>
/// Each message becomes a case, or joins the sender's open case as a message step, exactly once per message id. The
/// message's key is claimed first in the transaction that does the work: the same message at once from a retrying
/// gateway waits on that key, finds it taken when the first commits, and answers with the first one's reply.
/// </summary>
public sealed class MessageCases(AppDbContext db, CaseIntake intake, CaseSteps steps, CaseReplies replies, TimeProvider clock)
{
    public async Task<MessageOutcome> ReceiveAsync(IncomingMessage message, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await AnsweredAsync(message.Key, ct) is { } answered)
            {
                return answered;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                db.InboundMessages.Add(new InboundMessage { Key = message.Key, Channel = message.Channel, ReceivedAt = clock.GetUtcNow() });
                await db.SaveChangesAsync(ct);
                var outcome = await FileOrJoinAsync(message, ct);
                await db.InboundMessages.Where(m => m.Key == message.Key)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.CaseId, outcome.CaseId).SetProperty(m => m.Joined, outcome.Joined)
                        .SetProperty(m => m.Reply, outcome.Reply), ct);
                await transaction.CommitAsync(ct);
                return outcome;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Either the same message committed first (the next round answers with it), or a handler acted on the
                // open case meanwhile (the next round joins it at its new version).
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<MessageOutcome> FileOrJoinAsync(IncomingMessage message, CancellationToken ct)
    {
        var text = CaseRules.Cut(message.Text, CaseRules.MaxDetails) ?? "";
        if (await OpenCaseAsync(message, ct) is { } open)
        {
            open.GuardStep(CaseStepKind.MessageAdded);
            steps.Stage(open, open.Version, CaseStepKind.MessageAdded, text, RightsCase.ByMember);
            replies.MessageAdded(open);
            await db.SaveChangesAsync(ct);
            return new(open.Id, open.TrackingNumber, true,
                Loc.T($"您补充的情况已加入诉求 {open.TrackingNumber}，办理人员会看到。", $"What you added joined your case {open.TrackingNumber}; the handler will see it."),
                false);
        }

        var input = new CaseInput
        {
            Kind = CaseKind.Consultation,
            Topic = CaseTopic.Other,
            Subject = CaseRules.Cut(text.ReplaceLineEndings(" "), 30),
            Details = text,
            // A message gives no name; the case keeps the channel's address, and replies go there.
            Anonymous = true,
        };
        var filed = (await intake.FileFromMessageAsync(input, message.Channel, null, message.From.Phone, message.Key, ct, message.From.Sender)).Case;
        var days = await db.TimeLimitRules.AsNoTracking().Where(r => r.Kind == filed.Kind && r.Complexity == filed.Complexity)
            .Select(r => r.ResolveDays).FirstAsync(ct);
        return new(filed.Id, filed.TrackingNumber, false,
            Loc.T($"您的诉求已登记，编号 {filed.TrackingNumber}，工会将在 {days} 个工作日内答复。回复本号可补充情况。",
                $"Your case is filed with number {filed.TrackingNumber}; the union will answer within {days} business days. Reply here to add to it."),
            false);
    }

    /// <summary>
    /// The sender's newest open case from the same channel; an SMS also joins the case the hotline filed for that
    /// phone, since the member answers the hotline's text message by SMS. Members are anonymous here: no subtree.
    /// </summary>
    private Task<RightsCase?> OpenCaseAsync(IncomingMessage message, CancellationToken ct)
    {
        var open = db.RightsCases.IgnoreQueryFilters().Where(c => c.Status != CaseStatus.Closed);
        if (message.From.Sender is { } sender)
        {
            open = open.Where(c => c.SenderHash == sender.Hash && c.Channel == message.Channel);
        }
        else if (message.From.Phone is { } phone)
        {
            open = open.Where(c => c.PhoneHash == phone.Hash && (c.Channel == CaseChannel.Sms || c.Channel == CaseChannel.Hotline));
        }
        else
        {
            return Task.FromResult<RightsCase?>(null);
        }

        return open.OrderByDescending(c => c.ReceivedAt).FirstOrDefaultAsync(ct);
    }

    private async Task<MessageOutcome?> AnsweredAsync(string key, CancellationToken ct)
    {
        var done = await db.InboundMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Key == key && m.CaseId != null, ct);
        if (done is null)
        {
            return null;
        }

        var number = await db.RightsCases.IgnoreQueryFilters().Where(c => c.Id == done.CaseId).Select(c => c.TrackingNumber).FirstAsync(ct);
        return new(done.CaseId!.Value, number, done.Joined, done.Reply, true);
    }
}