using WorkersHome.Platform.Ui;

namespace WorkersHome.Modules.Rights.Knowledge;

public static class KnowledgeSetup
{
    /// <summary>The 12351 knowledge base: one index per instance, searches and edits per request, and the public Q&amp;A page.</summary>
    public static IServiceCollection AddRightsKnowledge(this IServiceCollection services)
    {
        services.AddSingleton<KnowledgeIndex>();
        services.AddScoped<KnowledgeSearch>();
        services.AddScoped<EditKnowledge>();
        services.AddPageConventions(c => c.AllowAnonymousToPage("/m/Qa"));
        return services;
    }
}