using WorkersHome.BrowserTests.Infrastructure;
using WorkersHome.Modules.Members;

namespace WorkersHome.BrowserTests;

/// <summary>A member officer goes from the list to a member's page, issues and freezes the card, and changes the membership.</summary>
public sealed class MemberPageTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private static readonly string IdNumber = ResidentIdNumber.Compose("410102", new DateOnly(1985, 3, 15), 123, Gender.Male);

    [Fact]
    public async Task An_officer_opens_a_member_from_the_list_freezes_the_card_and_retains_then_ends_the_membership()
    {
        await using var context = await app.SignedInContextAsync(app.World.User("zz.officer"));
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync("/Members");
        await page.Locator("#members a[data-member-link]", new() { HasText = "王建国" }).ClickAsync();

        await Expect(page.Locator("#member-name")).ToHaveTextAsync("王建国");
        await Expect(page.Locator("#member-status")).ToHaveTextAsync("在册");
        await Expect(page.Locator("#member-record [data-field=id]")).ToHaveTextAsync(IdNumber[..6] + "********" + IdNumber[^4..]);
        await Expect(page.Locator("#no-card")).ToBeVisibleAsync();

        await page.Locator("#card-issue").ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("已发卡");
        await Expect(page.Locator("#card-status")).ToHaveTextAsync("正常");

        var freeze = page.Locator("#card-actions form", new() { Has = page.Locator("[data-card-action=Freeze]") });
        await freeze.Locator("input[name=Reason]").FillAsync("单位申请暂停");
        await freeze.Locator("button").ClickAsync();
        await Expect(page.Locator("#card-status")).ToHaveTextAsync("已冻结");
        await Expect(page.Locator("#card-history")).ToContainTextAsync("单位申请暂停");
        await Expect(page.Locator("[data-card-action=Unfreeze]")).ToBeVisibleAsync();
        await Screens.CaptureAsync(page, "member-page-card-frozen");

        // Without a reason the change is refused, naming the field, and the chosen status stays chosen.
        await page.Locator("#NewStatus").SelectOptionAsync("Retained");
        await page.Locator("#status-submit").ClickAsync();
        await Expect(page.Locator("#status-form [data-error-for=Reason]")).ToHaveTextAsync("请填写变更原因");
        await Expect(page.Locator("#NewStatus")).ToHaveValueAsync("Retained");
        await page.Locator("#StatusReason").FillAsync("下岗待业");
        await page.Locator("#status-submit").ClickAsync();
        await Expect(page.Locator("#member-status")).ToHaveTextAsync("保留会籍");
        await Expect(page.Locator("#member-history tbody tr").First).ToContainTextAsync("在册 → 保留会籍");
        await Expect(page.Locator("#member-history tbody tr").First).ToContainTextAsync("下岗待业");

        await page.Locator("#NewStatus").SelectOptionAsync("Left");
        await page.Locator("#StatusReason").FillAsync("本人申请退会");
        await page.Locator("#status-submit").ClickAsync();
        await Expect(page.Locator("#member-status")).ToHaveTextAsync("已退会");
        await Expect(page.Locator("#member-history tbody tr").First).ToContainTextAsync("保留会籍 → 已退会");
        await Expect(page.Locator("#card-status")).ToHaveTextAsync("已注销");
        await Expect(page.Locator("#edit-open")).ToHaveCountAsync(0);
        await Screens.CaptureAsync(page, "member-page-left");
    }
}