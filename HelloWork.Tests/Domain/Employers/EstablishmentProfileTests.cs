using System.Text;
using HelloWork.Domain.Accounts;
using HelloWork.Domain.Applications;
using HelloWork.Domain.Common;
using HelloWork.Domain.Data.Demo;
using HelloWork.Domain.JobOffers;
using HelloWork.Tests.Support;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

using HelloWork.Tests.Browser;
using HelloWork.Tests.Host.Http;

namespace HelloWork.Tests.Domain.Employers;

/// <summary>事業所PR and 画像 (REFERENCE.md: up to 10 images of at most 2 MB, JPEG/GIF/PNG; R-JOB-8), their limits, and who sees them
/// (R-ACC-4: images are public only where the establishment's name is public on an open offer, and only once the office approved
/// them, <see cref="ImageReviewTests"/>).</summary>
public sealed class EstablishmentProfileTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static byte[] Png(int width = 40, int height = 30, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor(0x30, 0x80, 0xC0));
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A real PNG followed by padding after its IEND chunk (which decoders ignore), exactly <paramref name="size"/> bytes long.</summary>
    private static byte[] PngOfSize(int size)
    {
        var png = Png();
        return [.. png, .. new byte[size - png.Length]];
    }

    private static EstablishmentProfileService Service(DomainWorld world) => new(world.Ops);

    [Fact]
    public async Task PR_texts_are_saved_checked_whole_and_prefill_new_offers()
    {
        await using var world = await DomainWorld.CreateAsync();
        var service = Service(world);
        await service.UpdatePrAsync(world.EmployerActor1, new EstablishmentPrInput("事務用品の卸売", "<b>年間休日125日</b>", "地域に根ざして50年。", "https://example.jp/"), Ct);
        var view = await service.GetAsync(world.EmployerActor1, Ct);
        Assert.Equal(("事務用品の卸売", "<b>年間休日125日</b>", "地域に根ざして50年。"), (view.BusinessDescription, view.Features, view.PrText));

        // Too long, and a bad URL: refused with their field, and nothing changes (R-ERR-1).
        var tooLong = await Assert.ThrowsAsync<DomainException>(() => service.UpdatePrAsync(world.EmployerActor1,
            new EstablishmentPrInput("変更", new string('あ', Establishment.MaxFeatures + 1), null, null), Ct));
        Assert.Equal(("TooLong", "Features"), (tooLong.Code, tooLong.Field));
        var url = await Assert.ThrowsAsync<DomainException>(() => service.UpdatePrAsync(world.EmployerActor1,
            new EstablishmentPrInput("変更", null, null, "javascript:alert(1)"), Ct));
        Assert.Equal(("InvalidUrl", "Website"), (url.Code, url.Field));
        Assert.Equal("事務用品の卸売", (await service.GetAsync(world.EmployerActor1, Ct)).BusinessDescription);

        var draft = await new JobOfferService(world.Ops).CreateDraftAsync(world.EmployerActor1, ct: Ct);
        var sheet = await world.WithDbAsync(db => db.JobOffers.Where(o => o.Id == draft).Select(o => o.Sheet).FirstAsync(Ct));
        Assert.Equal(("事務用品の卸売", "<b>年間休日125日</b>", "地域に根ざして50年。"), (sheet.Company.BusinessDescription, sheet.Company.Features, sheet.Company.PrText));
    }

    [Fact]
    public async Task Ten_images_are_accepted_and_the_eleventh_is_refused()
    {
        await using var world = await DomainWorld.CreateAsync();
        var service = Service(world);
        for (var i = 1; i <= EstablishmentImage.MaxPerEstablishment; i++)
        {
            var format = (i % 3) switch { 0 => SKEncodedImageFormat.Jpeg, _ => SKEncodedImageFormat.Png };
            await service.AddImageAsync(world.EmployerActor1, new UploadedFile($"写真{i}.bin", Png(format: format)), $"写真{i}", Ct);
        }
        var e = await Assert.ThrowsAsync<DomainException>(() =>
            service.AddImageAsync(world.EmployerActor1, new UploadedFile("11枚目.png", Png()), "11枚目", Ct));
        Assert.Equal(("TooManyImages", "Image"), (e.Code, e.Field));
        Assert.Equal(10, e.Args[0]);
        var images = (await service.GetAsync(world.EmployerActor1, Ct)).Images;
        Assert.Equal(10, images.Count);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"写真{i}"), images.Select(i => i.Caption));
        Assert.Contains(images, i => i.ContentType == FileSniffer.Jpeg);
        Assert.All(images, i => Assert.Equal((40, 30), (i.Width, i.Height)));
    }

    [Fact]
    public async Task An_image_of_exactly_2_MB_is_accepted_and_one_byte_more_is_refused()
    {
        await using var world = await DomainWorld.CreateAsync();
        var service = Service(world);
        var exact = PngOfSize(EstablishmentImage.MaxBytes);
        Assert.Equal(2 * 1024 * 1024, exact.Length);
        await service.AddImageAsync(world.EmployerActor1, new UploadedFile("ちょうど2MB.png", exact), "ちょうど2MB", Ct);

        var over = PngOfSize(EstablishmentImage.MaxBytes + 1);
        var e = await Assert.ThrowsAsync<DomainException>(() => service.AddImageAsync(world.EmployerActor1, new UploadedFile("大きい.png", over), "大きい", Ct));
        Assert.Equal(("ImageTooLarge", "Image", "大きい.png"), (e.Code, e.Field, e.Args[0]));
        Assert.Single((await service.GetAsync(world.EmployerActor1, Ct)).Images);
    }

    [Fact]
    public async Task A_renamed_executable_a_pdf_and_a_fake_header_are_refused_by_content_whatever_their_name()
    {
        await using var world = await DomainWorld.CreateAsync();
        var service = Service(world);
        var exe = Encoding.ASCII.GetBytes("MZ\u0090\0").Concat(new byte[4096]).ToArray();
        var fakePng = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.Concat(new byte[2048]).ToArray();
        var pdf = DemoSeeder.MinimalPdf("not an image");
        foreach (var (name, content) in new[] { ("会社写真.png", exe), ("外観.jpg", fakePng), ("写真.gif", pdf), ("空.png", Array.Empty<byte>()) })
        {
            var e = await Assert.ThrowsAsync<DomainException>(() => service.AddImageAsync(world.EmployerActor1, new UploadedFile(name, content), "写真", Ct));
            Assert.Equal("Image", e.Field);
            Assert.Equal(content.Length == 0 ? "FileEmpty" : "ImageTypeNotAccepted", e.Code);
        }
        // A caption is required: it is the image's alt text.
        var caption = await Assert.ThrowsAsync<DomainException>(() => service.AddImageAsync(world.EmployerActor1, new UploadedFile("a.png", Png()), " ", Ct));
        Assert.Equal(("Required", "Caption"), (caption.Code, caption.Field));
        Assert.Empty((await service.GetAsync(world.EmployerActor1, Ct)).Images);
        Assert.Equal(0, await world.WithDbAsync(db => db.EstablishmentImages.CountAsync(Ct)));
    }

    [Fact]
    public async Task Images_keep_their_order_move_get_new_captions_and_are_deleted_with_their_content()
    {
        await using var world = await DomainWorld.CreateAsync();
        var service = Service(world);
        var a = await service.AddImageAsync(world.EmployerActor1, new UploadedFile("a.png", Png()), "外観", Ct);
        var b = await service.AddImageAsync(world.EmployerActor1, new UploadedFile("b.png", Png()), "オフィス", Ct);
        await service.MoveImageAsync(world.EmployerActor1, b, -1, Ct);
        await service.MoveImageAsync(world.EmployerActor1, b, -1, Ct); // already first: nothing changes
        await service.UpdateCaptionAsync(world.EmployerActor1, a, "本社外観", Ct);
        Assert.Equal(["オフィス", "本社外観"], (await service.GetAsync(world.EmployerActor1, Ct)).Images.Select(i => i.Caption));

        await service.DeleteImageAsync(world.EmployerActor1, a, Ct);
        Assert.Equal(0, await world.WithDbAsync(db => db.EstablishmentImages.CountAsync(i => i.Id == a, Ct)));
        Assert.Contains(await world.WithDbAsync(db => db.AuditEntries.Select(x => x.Action).ToListAsync(Ct)), x => x == "EstablishmentImageDeleted");
    }

    [Fact]
    public async Task Another_establishment_a_jobseeker_and_staff_cannot_change_the_profile_or_images()
    {
        await using var world = await DomainWorld.CreateAsync();
        var service = Service(world);
        var id = await service.AddImageAsync(world.EmployerActor1, new UploadedFile("a.png", Png()), "外観", Ct);

        await Assert.ThrowsAsync<ScopeException>(() => service.UpdateCaptionAsync(world.EmployerActor2, id, "乗っ取り", Ct));
        await Assert.ThrowsAsync<ScopeException>(() => service.MoveImageAsync(world.EmployerActor2, id, 1, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => service.DeleteImageAsync(world.EmployerActor2, id, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => service.UpdatePrAsync(world.JobseekerActor1, new EstablishmentPrInput("x", null, null, null), Ct));
        await Assert.ThrowsAsync<ScopeException>(() => service.GetAsync(world.StaffActor1, Ct));
        await Assert.ThrowsAsync<ScopeException>(() => service.AddImageAsync(world.JobseekerActor1, new UploadedFile("a.png", Png()), "x", Ct));
        Assert.Empty((await service.GetAsync(world.EmployerActor2, Ct)).Images);
        Assert.Equal("外観", Assert.Single((await service.GetAsync(world.EmployerActor1, Ct)).Images).Caption);
    }

    [Fact]
    public async Task Images_are_public_only_while_an_offer_shows_the_establishments_name()
    {
        await using var world = await DomainWorld.CreateAsync();
        var service = Service(world);
        var id = await service.AddImageAsync(world.EmployerActor1, new UploadedFile("a.png", Png()), "外観", Ct);
        await ImageReviewTests.ApproveAsync(world, id);

        // Offer1 is published with the name (公開範囲 1): anyone, signed in or not, sees the image on it.
        Assert.NotNull(await service.ImageAsync(null, id, Ct));
        Assert.NotNull(await service.ImageAsync(world.EmployerActor2, id, Ct));
        Assert.Single(await service.ForOfferAsync(null, world.Offer1.Id, Ct));

        // Once no offer is open, the establishment is not public: only its own users and its office's staff see the images.
        await new JobOfferService(world.Ops).CloseAsync(world.EmployerActor1, world.Offer1.Id, InvalidReason.Withdrawn, Ct);
        Assert.Null(await service.ImageAsync(null, id, Ct));
        Assert.Null(await service.ImageAsync(world.EmployerActor2, id, Ct));
        Assert.Null(await service.ImageAsync(world.JobseekerActor1, id, Ct));
        Assert.Null(await service.ImageAsync(world.StaffActor2, id, Ct));
        Assert.Empty(await service.ForOfferAsync(null, world.Offer1.Id, Ct));
        Assert.Equal(FileSniffer.Png, (await service.ImageAsync(world.EmployerActor1, id, Ct))!.ContentType);
        Assert.NotNull(await service.ImageAsync(world.StaffActor1, id, Ct));
        Assert.Null(await service.ImageAsync(null, Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task An_offer_published_without_the_name_does_not_show_the_images()
    {
        await using var world = await DomainWorld.CreateAsync();
        var service = Service(world);
        var id = await service.AddImageAsync(world.EmployerActor1, new UploadedFile("a.png", Png()), "外観", Ct);
        await ImageReviewTests.ApproveAsync(world, id);
        await new JobOfferService(world.Ops).CloseAsync(world.EmployerActor1, world.Offer1.Id, InvalidReason.Withdrawn, Ct);
        var anonymousOffer = DomainWorld.Published(new Random(3), world.Establishment1, world.Office1, Vocabulary.Places[1], world.Clock.GetUtcNow(),
            PublicationScope.WithoutName);
        await world.WithDbAsync(db => { db.JobOffers.Add(anonymousOffer); return db.SaveChangesAsync(Ct); });

        // A picture can name the company as well as the name does: scope 3 keeps both from the public (公開範囲).
        Assert.Empty(await service.ForOfferAsync(null, anonymousOffer.Id, Ct));
        Assert.Null(await service.ImageAsync(null, id, Ct));
        Assert.Single(await service.ForOfferAsync(world.EmployerActor1, anonymousOffer.Id, Ct));
    }
}
