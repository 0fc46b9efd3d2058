using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using WorkersHome.Modules.Rights.Calendar;

namespace WorkersHome.Modules.Rights.Data;

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.ToTable("calendar_days", "rights");
        b.HasKey(d => d.Date);
        b.Property(d => d.Name).HasMaxLength(40);
        b.HasData(ChinaCalendarSeed.Days);
    }
}