namespace WorkersHome.Modules.Assistance.Archive;

/// <summary>The archive's rules that differ between provinces (section "Assistance:Archive").</summary>
public sealed class ArchiveOptions
{
    /// <summary>The highest (numerically lowest) org level that may approve files: 3 = county union (the default).</summary>
    public int ApprovalLevel { get; set; } = 3;

    /// <summary>Per province code (the tree's root), an approval level other than the default.</summary>
    public Dictionary<string, int> ApprovalLevelByProvince { get; set; } = [];

    /// <summary>The hardship line: monthly household income per person, in yuan.</summary>
    public decimal IncomeLine { get; set; } = 1000m;

    public Dictionary<string, decimal> IncomeLineByProvince { get; set; } = [];

    public int ReviewMonths { get; set; } = 12;

    /// <summary>How many days before a review falls due the member is reminded and the file is listed as due.</summary>
    public int RemindDaysBefore { get; set; } = 30;

    public TimeSpan ReminderEvery { get; set; } = TimeSpan.FromHours(1);

    public long MaxAttachmentBytes { get; set; } = 5 * 1024 * 1024;

    public int MaxAttachments { get; set; } = 10;

    public int ApprovalLevelFor(string orgPath) => ApprovalLevelByProvince.GetValueOrDefault(Province(orgPath), ApprovalLevel);

    public decimal IncomeLineFor(string orgPath) => IncomeLineByProvince.GetValueOrDefault(Province(orgPath), IncomeLine);

    private static string Province(string orgPath) => orgPath.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";

    public static Platform.Localization.LocalizedText LevelName(int level) => level switch
    {
        1 => new("省总工会", "province federation"),
        2 => new("市总工会", "city federation"),
        3 => new("县（区）总工会", "county federation"),
        4 => new("乡镇（街道）工会", "township union"),
        _ => new("基层工会", "grassroots union"),
    };
}