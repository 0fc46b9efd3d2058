using System.Buffers.Text;

using WorkersHome.Modules.Cards;
using WorkersHome.Modules.Cards.Tokens;
using WorkersHome.Testing;

namespace WorkersHome.Tests.Modules.Cards;

public sealed class CardTokenTests
{
    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class Revoked(Dictionary<Guid, CardStatus> cards) : ICardRevocationList
    {
        public CardStatus? RevokedStatusOf(Guid cardId) => cards.TryGetValue(cardId, out var s) ? s : null;
    }

    private static readonly Revoked None = new([]);
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));

    private static CardKeyRing Ring(string active, params string[] ids) => new(new CardOptions
    {
        ActiveSigningKeyId = active,
        SigningKeys = ids.ToDictionary(id => id, id => id == "t1" ? TestCardKeys.T1 : TestCardKeys.T2),
    });

    private (string Token, Guid Card) Issue(CardKeyRing ring)
    {
        var card = Guid.CreateVersion7();
        return (new CardTokenIssuer(ring, new CardOptions { TokenSeconds = 60 }, _clock).Issue(card).Token, card);
    }

    [Fact]
    public void A_fresh_token_verifies_with_its_card_and_expiry_and_each_token_is_distinct()
    {
        using var ring = Ring("t1", "t1");
        var (token, card) = Issue(ring);
        token.ShouldStartWith(CardToken.Prefix);
        token.Length.ShouldBeLessThan(160, "small enough for a compact QR code");
        var result = new CardTokenVerifier(ring, _clock).Verify(token, None);
        result.Verdict.ShouldBe(CardVerdict.Valid);
        result.CardId.ShouldBe(card);
        result.ExpiresAt.ShouldBe(_clock.Now.AddSeconds(60));
        new CardTokenIssuer(ring, new CardOptions(), _clock).Issue(card).Token.ShouldNotBe(new CardTokenIssuer(ring, new CardOptions(), _clock).Issue(card).Token);
    }

    [Fact]
    public void A_changed_byte_anywhere_fails_the_signature()
    {
        using var ring = Ring("t1", "t1");
        var (token, _) = Issue(ring);
        var bytes = Base64Url.DecodeFromChars(token.AsSpan(CardToken.Prefix.Length));
        var verifier = new CardTokenVerifier(ring, _clock);
        // Skip the version and key-id bytes: changing those is a malformed token or an unknown key, tested below.
        foreach (var at in new[] { 5, 10, 20, 27, 30, 40, bytes.Length - 1 })
        {
            var tampered = (byte[])bytes.Clone();
            tampered[at] ^= 0x01;
            var verdict = verifier.Verify(CardToken.Prefix + Base64Url.EncodeToString(tampered), None).Verdict;
            verdict.ShouldBe(CardVerdict.BadSignature, $"byte {at}");
        }
    }

    [Fact]
    public void An_expired_token_is_refused_after_the_clock_skew()
    {
        using var ring = Ring("t1", "t1");
        var (token, _) = Issue(ring);
        var verifier = new CardTokenVerifier(ring, _clock);
        _clock.Now = _clock.Now.AddSeconds(60) + CardTokenVerifier.ClockSkew;
        verifier.Verify(token, None).Verdict.ShouldBe(CardVerdict.Valid);
        _clock.Now = _clock.Now.AddSeconds(1);
        verifier.Verify(token, None).Verdict.ShouldBe(CardVerdict.Expired);
    }

    [Theory]
    [InlineData(CardStatus.Frozen, CardVerdict.Frozen)]
    [InlineData(CardStatus.ReportedLost, CardVerdict.ReportedLost)]
    [InlineData(CardStatus.Reissued, CardVerdict.Reissued)]
    [InlineData(CardStatus.Cancelled, CardVerdict.Cancelled)]
    public void A_revoked_card_says_why(CardStatus status, CardVerdict verdict)
    {
        using var ring = Ring("t1", "t1");
        var (token, card) = Issue(ring);
        var result = new CardTokenVerifier(ring, _clock).Verify(token, new Revoked(new() { [card] = status }));
        result.Verdict.ShouldBe(verdict);
        result.IsValid.ShouldBeFalse();
        result.Reason.Zh.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void After_rotation_old_tokens_verify_until_their_key_is_withdrawn()
    {
        using var before = Ring("t1", "t1");
        var (oldToken, _) = Issue(before);
        using var rotated = Ring("t2", "t1", "t2");
        var (newToken, _) = Issue(rotated);
        newToken.ShouldNotBe(oldToken);
        var verifier = new CardTokenVerifier(rotated, _clock);
        verifier.Verify(oldToken, None).Verdict.ShouldBe(CardVerdict.Valid);
        verifier.Verify(newToken, None).Verdict.ShouldBe(CardVerdict.Valid);
        rotated.PublicKeys.Select(k => k.Kid).ShouldBe(["t1", "t2"], ignoreOrder: true);

        using var withdrawn = Ring("t2", "t2");
        new CardTokenVerifier(withdrawn, _clock).Verify(oldToken, None).Verdict.ShouldBe(CardVerdict.UnknownKey);
        // The same key id with another key behind it: the signature gives it away.
        using var impostor = new CardKeyRing(new CardOptions { ActiveSigningKeyId = "t1", SigningKeys = new() { ["t1"] = TestCardKeys.T2 } });
        new CardTokenVerifier(impostor, _clock).Verify(oldToken, None).Verdict.ShouldBe(CardVerdict.BadSignature);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("WHC1.")]
    [InlineData("WHC1.!!!!")]
    [InlineData("WHC1.AQJ0MQ")]
    [InlineData("https://example.com/?WHC1.AAAA")]
    public void Anything_else_is_malformed(string token)
    {
        using var ring = Ring("t1", "t1");
        new CardTokenVerifier(ring, _clock).Verify(token, None).Verdict.ShouldBe(CardVerdict.Malformed);
    }

    [Fact]
    public void Published_keys_are_P256_JWKs_and_bad_configuration_names_the_setting()
    {
        using var ring = Ring("t1", "t1");
        var key = ring.PublicKeys.Single();
        (key.Kty, key.Crv, key.Alg, key.Use).ShouldBe(("EC", "P-256", "ES256", "sig"));
        Base64Url.DecodeFromChars(key.X).Length.ShouldBe(32);
        Should.Throw<InvalidOperationException>(() => new CardKeyRing(new CardOptions())).Message.ShouldContain("Cards:SigningKeys");
        Should.Throw<InvalidOperationException>(() => Ring("t9", "t1")).Message.ShouldContain("Cards:ActiveSigningKeyId");
        Should.Throw<InvalidOperationException>(() => new CardKeyRing(new CardOptions { ActiveSigningKeyId = "x", SigningKeys = new() { ["x"] = "bm90IGEga2V5" } }))
            .Message.ShouldContain("Cards:SigningKeys:x");
    }
}