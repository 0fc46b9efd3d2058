using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

using QRCoder;

using WorkersHome.Modules.Cards;
using WorkersHome.Modules.Cards.Issue;
using WorkersHome.Modules.Cards.Tokens;
using WorkersHome.Modules.Members.SignIn;
using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Localization;

namespace WorkersHome.Pages.m;

/// <summary>My card: number, status, benefits, and a QR code signed afresh every 30 seconds for merchants to scan.</summary>
[Authorize(Policy = MemberAuthentication.Policy)]
public sealed class CardModel(CardQueries queries, CardBook book, IssueCard issue, ApplyCardAction apply, CardTokenIssuer issuer, BankCardLinks bankLinks) : PageModel
{
    public CardView? Card { get; private set; }

    public string? Error { get; private set; }

    [BindProperty]
    public CardAction Action { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? BankName { get; set; }

    [BindProperty]
    public string? AccountNumber { get; set; }

    public string? BankError { get; private set; }

    public IReadOnlyList<string> Banks => bankLinks.Banks;

    private Guid MemberId => MemberAuthentication.MemberIdOf(User)!.Value;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostActionAsync(CancellationToken ct)
    {
        try
        {
            var card = await book.LiveCardAsync(MemberId, ct) ?? throw new NotFoundException();
            await apply.ExecuteAsync(card, Action, Version, null, "member", byMember: true, ct);
            TempData["Notice"] = Action == CardAction.Reissue
                ? Loc.T("已补换新卡，原卡立即失效", "A new card has been issued; the old one is void at once")
                : Loc.T("会员卡已挂失，二维码已停用", "The card is reported lost; its code no longer works");
            return RedirectToPage();
        }
        catch (Exception ex) when (ex is ConflictException or ForbiddenException)
        {
            Error = ex.Message;
        }
        catch (DbUpdateConcurrencyException)
        {
            Error = Loc.T("会员卡状态已变化，请查看最新状态", "The card changed meanwhile; see its current state");
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostBankAsync(CancellationToken ct)
    {
        try
        {
            var card = await book.LiveCardAsync(MemberId, ct) ?? throw new NotFoundException();
            await bankLinks.LinkAsync(card, new BankLinkRequest(BankName, AccountNumber, Version), "member", ct);
            TempData["Notice"] = Loc.T("联名银行卡已绑定", "The bank card is linked");
            return RedirectToPage();
        }
        catch (ValidationFailedException ex)
        {
            BankError = string.Join(" ", ex.Errors.SelectMany(e => e.Value));
        }
        catch (ConflictException ex)
        {
            BankError = ex.Message;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUnbankAsync(CancellationToken ct)
    {
        try
        {
            var card = await book.LiveCardAsync(MemberId, ct) ?? throw new NotFoundException();
            await bankLinks.UnlinkAsync(card, Version, "member", ct);
            TempData["Notice"] = Loc.T("已解除联名银行卡绑定", "The bank card is unlinked");
            return RedirectToPage();
        }
        catch (ConflictException ex)
        {
            Error = ex.Message;
        }

        await LoadAsync(ct);
        return Page();
    }

    /// <summary>A fresh token and its QR code, fetched by the page every 30 seconds.</summary>
    public async Task<IActionResult> OnPostTokenAsync(CancellationToken ct)
    {
        var card = await book.LiveCardAsync(MemberId, ct);
        if (card is not { IsUsable: true })
        {
            return new JsonResult(new { error = Loc.T("会员卡当前不可用", "The card is not usable now") }) { StatusCode = StatusCodes.Status409Conflict };
        }

        var (token, expiresAt) = issuer.Issue(card.Id);
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new { token, expiresAt, svg = QrSvg(token), refreshSeconds = CardsApi.RefreshSeconds });
    }

    public static string QrSvg(string token)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(token, QRCodeGenerator.ECCLevel.M);
        // A viewBox lets the page scale the code to its box; the quiet zone keeps scanners happy on any background.
        return new SvgQRCode(data).GetGraphic(6, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        try
        {
            await issue.ExecuteAsync(await queries.MemberAsync(MemberId, byMember: true, ct), "member", ct);
        }
        catch (ConflictException ex)
        {
            Error ??= ex.Message;
        }

        Card = await queries.ForMemberAsync(MemberId, byMember: true, ct);
    }
}