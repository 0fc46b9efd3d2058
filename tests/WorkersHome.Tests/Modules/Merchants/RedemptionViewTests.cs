using WorkersHome.Modules.Merchants.Till;

namespace WorkersHome.Tests.Modules.Merchants;

public sealed class RedemptionViewTests
{
    [Fact]
    public void A_code_used_again_names_the_earlier_sale_by_its_china_time_and_amount()
    {
        var earlier = new RedemptionView(7, "王*国", "会员九折", 128m, 12.8m, 115.2m, new DateTimeOffset(2026, 12, 4, 6, 5, 0, TimeSpan.Zero), Repeated: true);

        earlier.AlreadyUsedNotice().ShouldBe("此会员码已用于 14:05 的一笔 128.00 元消费，未重复计入。如是新的消费，请让会员刷新二维码后重新扫码。");
    }
}