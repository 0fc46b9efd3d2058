using WorkersHome.Platform.Errors;
using WorkersHome.Platform.Files;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Platform.Files;

public sealed class UploadedDocumentsTests
{
    [Fact]
    public void Real_images_and_a_real_pdf_are_accepted_with_their_type()
    {
        UploadedDocuments.Check(SampleDocuments.Jpeg()).ShouldBe(new DocumentCheck(UploadedDocuments.Jpeg, DocumentProblem.None));
        UploadedDocuments.Check(SampleDocuments.Png()).ShouldBe(new DocumentCheck(UploadedDocuments.Png, DocumentProblem.None));
        UploadedDocuments.Check(SampleDocuments.Pdf()).ShouldBe(new DocumentCheck(UploadedDocuments.Pdf, DocumentProblem.None));
        UploadedDocuments.Require(SampleDocuments.Png(), imagesOnly: true).ShouldBe(UploadedDocuments.Png);
    }

    [Fact]
    public void Random_bytes_behind_a_jpeg_header_are_damaged()
    {
        var bytes = new byte[5 * 1024 * 1024];
        new Random(17).NextBytes(bytes);
        (bytes[0], bytes[1], bytes[2], bytes[3]) = (0xFF, 0xD8, 0xFF, 0xE0);
        UploadedDocuments.Check(bytes).Problem.ShouldBe(DocumentProblem.Damaged);
    }

    [Fact]
    public void A_truncated_jpeg_and_png_are_damaged()
    {
        var jpeg = SampleDocuments.Jpeg(320, 240);
        UploadedDocuments.Check(jpeg[..(jpeg.Length / 2)]).Problem.ShouldBe(DocumentProblem.Damaged);
        var png = SampleDocuments.Png(320, 240);
        UploadedDocuments.Check(png[..(png.Length / 2)]).Problem.ShouldBe(DocumentProblem.Damaged);
    }

    [Fact]
    public void A_png_header_on_a_jpeg_body_is_damaged()
    {
        byte[] mixed = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. SampleDocuments.Jpeg()[8..]];
        UploadedDocuments.Check(mixed).Problem.ShouldBe(DocumentProblem.Damaged);
    }

    [Theory]
    [InlineData("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF")]
    [InlineData("%PDF-1.7\nthis is not a PDF at all, only its first five bytes are")]
    public void A_fake_pdf_is_damaged(string content) =>
        UploadedDocuments.Check(System.Text.Encoding.Latin1.GetBytes(content)).Problem.ShouldBe(DocumentProblem.Damaged);

    [Fact]
    public void A_truncated_pdf_is_damaged()
    {
        var pdf = SampleDocuments.Pdf();
        UploadedDocuments.Check(pdf[..(pdf.Length / 3)]).Problem.ShouldBe(DocumentProblem.Damaged);
    }

    [Fact]
    public void A_damaged_file_is_refused_with_a_named_field_and_a_clear_message()
    {
        var bytes = new byte[4096];
        new Random(3).NextBytes(bytes);
        (bytes[0], bytes[1], bytes[2]) = (0xFF, 0xD8, 0xFF);
        var error = Should.Throw<ValidationFailedException>(() => UploadedDocuments.Require(bytes, imagesOnly: false, field: "Upload"));
        error.Errors["Upload"].ShouldContain(e => e.Contains("文件已损坏或不是有效的图片/PDF"));

        var pdf = Should.Throw<ValidationFailedException>(() => UploadedDocuments.Require(SampleDocuments.Pdf(), imagesOnly: true));
        pdf.Errors["File"].ShouldContain(e => e.Contains("走访照片只接受 JPG 或 PNG 图片"));
    }
}