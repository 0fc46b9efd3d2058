using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using WorkersHome.Modules.Rights.Knowledge;

namespace WorkersHome.Modules.Rights.Data;

internal sealed class KnowledgeArticleConfiguration : IEntityTypeConfiguration<KnowledgeArticle>
{
    public void Configure(EntityTypeBuilder<KnowledgeArticle> b)
    {
        b.ToTable("knowledge_articles", "rights");
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Title).HasMaxLength(KnowledgeArticle.MaxTitle);
        b.Property(a => a.Question).HasMaxLength(KnowledgeArticle.MaxQuestion);
        b.Property(a => a.Answer).HasMaxLength(KnowledgeArticle.MaxAnswer);
        b.Property(a => a.LawReference).HasMaxLength(KnowledgeArticle.MaxLawReference);
        b.Property(a => a.Tags).HasMaxLength(KnowledgeArticle.MaxTags);
        b.Property(a => a.UpdatedBy).HasMaxLength(100);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasData(KnowledgeSeed.Articles);
    }
}