using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using WorkersHome.Modules.Assistance.Archive;

namespace WorkersHome.Modules.Assistance.Data;

internal sealed class HardshipAttachmentConfiguration : IEntityTypeConfiguration<HardshipAttachment>
{
    public void Configure(EntityTypeBuilder<HardshipAttachment> b)
    {
        b.ToTable("hardship_attachments", "assistance");
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.FileName).HasMaxLength(100);
        b.Property(a => a.ContentType).HasMaxLength(40);
        b.Property(a => a.UploadedBy).HasMaxLength(100);
        b.Ignore(a => a.StoredName);
        b.HasIndex(a => a.FileId);
    }
}