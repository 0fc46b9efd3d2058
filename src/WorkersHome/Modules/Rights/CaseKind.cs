using WorkersHome.Platform.Localization;

namespace WorkersHome.Modules.Rights;

/// <summary>What the caller asks of the union (the 12351 hotline's four kinds).</summary>
public enum CaseKind
{
    /// <summary>咨询: a question answered from the law and policy.</summary>
    Consultation = 1,

    /// <summary>求决: a request that the union act to resolve a problem.</summary>
    Request = 2,

    /// <summary>投诉: a complaint against an employer (or a union body).</summary>
    Complaint = 3,

    /// <summary>意见建议: a suggestion or an opinion.</summary>
    Suggestion = 4,
}

/// <summary>How much work a case needs; each class has its own time limits.</summary>
public enum CaseComplexity
{
    /// <summary>简易: answered or settled with one contact.</summary>
    Simple = 1,

    /// <summary>一般: needs an employer contacted or a visit.</summary>
    Ordinary = 2,

    /// <summary>复杂: many workers, mediation, referral to arbitration or the labour inspectorate.</summary>
    Complex = 3,
}

public static class CaseNames
{
    public static LocalizedText Of(CaseKind kind) => kind switch
    {
        CaseKind.Consultation => new("咨询", "Consultation"),
        CaseKind.Request => new("求决", "Request for resolution"),
        CaseKind.Complaint => new("投诉", "Complaint"),
        _ => new("意见建议", "Suggestion"),
    };

    public static LocalizedText Of(CaseComplexity complexity) => complexity switch
    {
        CaseComplexity.Simple => new("简易", "Simple"),
        CaseComplexity.Ordinary => new("一般", "Ordinary"),
        _ => new("复杂", "Complex"),
    };

    public static LocalizedText Of(Cases.Satisfaction satisfaction) => satisfaction switch
    {
        Cases.Satisfaction.Satisfied => new("满意", "Satisfied"),
        Cases.Satisfaction.BasicallySatisfied => new("基本满意", "Basically satisfied"),
        _ => new("不满意", "Not satisfied"),
    };
}