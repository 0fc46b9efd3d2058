using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkersHome.Modules.Assistance.Data;

internal sealed class VisitPhotoConfiguration : IEntityTypeConfiguration<Visits.VisitPhoto>
{
    public void Configure(EntityTypeBuilder<Visits.VisitPhoto> b)
    {
        b.ToTable("visit_photos", "assistance");
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.FileName).HasMaxLength(100);
        b.Property(p => p.ContentType).HasMaxLength(40);
        b.Ignore(p => p.StoredName);
        b.HasIndex(p => p.VisitId);
    }
}