using HelloWork.Domain.Accounts;
using HelloWork.Tests.Trust;

namespace HelloWork.Tests.Live;

/// <summary>Issue 24 on two nodes (PostgreSQL + Redis): the employer disables a login user through node A; the user's hub
/// connection on node B is closed at once and gets nothing more (R-ACC-4; the end is audited, R-AUD-1).</summary>
public sealed class ScaleOutAccessEndTests(ScaleOutFixture nodes, ITestOutputHelper output) : IClassFixture<ScaleOutFixture>
{
    [Fact]
    public async Task A_login_user_disabled_through_node_A_is_cut_off_on_node_B_R_ACC_4_R_AUD_1()
    {
        Assert.SkipUnless(ScaleOutFixture.Configured, ScaleOutFixture.SkipReason);
        await AccessEndScenario.RunAsync(nodes.A, nodes.B.BaseAddress,
            (main, id) => nodes.A.Get<EstablishmentUsers>().SetDisabledAsync(main, id, true), "EstablishmentUserDisabled", output);
    }

    [Fact]
    public async Task A_login_user_removed_through_node_A_is_cut_off_on_node_B_R_ACC_4_R_AUD_1()
    {
        Assert.SkipUnless(ScaleOutFixture.Configured, ScaleOutFixture.SkipReason);
        await AccessEndScenario.RunAsync(nodes.A, nodes.B.BaseAddress,
            (main, id) => nodes.A.Get<EstablishmentUsers>().RemoveAsync(main, id), "EstablishmentUserRemoved", output);
    }
}
