using WorkersHome.Modules.Members.Browse;

namespace WorkersHome.Tests.Modules.Members;

/// <summary>The name keys asked of the index (migration MemberNameKeys), without a database.</summary>
public sealed class MemberNameKeysTests
{
    [Theory]
    [InlineData("建国", new[] { "4101:建国" })]
    [InlineData("欧阳建国", new[] { "4101:欧阳", "4101:阳建", "4101:建国" })]
    [InlineData("哈哈哈", new[] { "4101:哈哈" })]
    [InlineData("建", new string[0])]
    // A character outside the Basic Multilingual Plane pairs as one character, as PostgreSQL's substr counts it.
    [InlineData("𠀀国", new[] { "4101:𠀀国" })]
    public void A_fragment_asks_for_each_pair_of_neighbouring_characters_under_the_node(string fragment, string[] keys) =>
        MemberNameKeys.For("4101", fragment).ShouldBe(keys, ignoreOrder: true);

    [Theory]
    [InlineData("/CN/", "CN", true)]
    [InlineData("/CN/41/", "41", true)]
    [InlineData("/CN/41/4101/", "4101", true)]
    [InlineData("/CN/41/4101/410102/", "4101", false)]
    [InlineData("/CN/41/4101/410102/410102001/J1/", "4101", false)]
    public void Keys_name_the_node_down_to_the_city_and_below_it_the_city_narrowed_by_the_path(string path, string code, bool exact) =>
        MemberNameKeys.KeyNode(path).ShouldBe((code, exact));

    [Fact]
    public void The_whole_tree_has_no_key_node() => MemberNameKeys.KeyNode("/").ShouldBeNull();
}