namespace WorkersHome.Testing;

/// <summary>An online application to join as a gig worker would fill it in, as the JSON the join API takes.</summary>
public static class JoinForms
{
    public static object Gig(long orgId, string name, string idNumber) => new
    {
        OrgId = orgId,
        Name = name,
        Ethnicity = "汉族",
        IdNumber = idNumber,
        Education = "大学本科教育",
        PoliticalStatus = "群众",
        EmployerName = "某外卖平台",
        EmploymentForm = "Flexible",
        PlatformName = "某外卖平台",
        IsMigrantWorker = true,
        HouseholdRegistration = "河南省周口市",
    };
}