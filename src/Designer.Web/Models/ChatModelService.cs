using System.Security.Claims;
using System.Text.Json.Nodes;
using Designer.Inference.ChatModels;
using Designer.Inference.Registry;
using Designer.Web.Identity;

namespace Designer.Web.Models;

/// <summary>
/// Chat-model governance for the API and the models page alike: register (authors; endpoint on the admin list, a
/// secret's name only) and approve / reject (approvers, never the registrant). Each change is audited — in the row's
/// transaction when the registry is the database one (issue 14).
/// </summary>
internal sealed class ChatModelService(IChatModelRegistry registry, IWorkflowStore store, IAuditLog audit)
{
    // Serialises this process's reviews so two approvals of one version cannot both pass the status check.
    private static readonly SemaphoreSlim Governance = new(1, 1);

    public async Task<IReadOnlyList<ChatModelVersionView>> ListAsync(CancellationToken cancellationToken)
    {
        var versions = await registry.ListAsync(cancellationToken);
        var pins = (await new ModelPinScanner(store).ScanAsync(cancellationToken)).Where(p => p.Chat).ToList();
        var latestApproved = versions.Where(v => v.Status == ModelStatus.Approved).GroupBy(v => v.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Max(v => v.Version), StringComparer.Ordinal);
        return [.. versions.OrderBy(v => v.Id, StringComparer.Ordinal).ThenByDescending(v => v.Version).Select(v => new ChatModelVersionView(v, [
            .. pins.Where(p => p.Model == v.Id && (p.ModelVersion ?? latestApproved.GetValueOrDefault(v.Id)) == v.Version)
                .Select(p => new ModelUsageResponse(p.WorkflowId, p.WorkflowName, p.WorkflowVersion, p.Status.ToString(), p.NodeId, p.ModelVersion is not null)),
        ]))];
    }

    public async Task<OperationResult<ChatModelVersion>> RegisterAsync(ClaimsPrincipal user, ChatModelRegistration registration, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(DesignerRoles.Author))
        {
            return OperationError.Forbidden("Only authors register chat-model versions.");
        }

        var actor = user.ToActor();
        await Governance.WaitAsync(cancellationToken);
        try
        {
            if (registry is IAuditedChatModelRegistry audited)
            {
                // Issue 14: the row and its entry commit together (the database registry).
                return await audited.RegisterAsync(registration with { RegisteredBy = actor.Id },
                    v => new ModelAuditEntry(actor.Id, actor.Name, "chat-model.registered", Describe(v)), cancellationToken);
            }

            var version = await registry.RegisterAsync(registration with { RegisteredBy = actor.Id }, cancellationToken);
            await audit.AppendAsync(actor, "chat-model.registered", "chat-model", version.Reference, Describe(version), cancellationToken);
            return version;
        }
        catch (ChatModelGovernanceException ex)
        {
            return OperationError.Invalid("The chat-model registration breaks a rule.",
                [.. ex.Problems.Select(p => new OperationProblem("chatModel.invalid", p, Field: p.Split(':')[0]))]);
        }
        finally
        {
            Governance.Release();
        }
    }

    public async Task<OperationResult<ChatModelVersion>> ReviewAsync(
        ClaimsPrincipal user, string id, int number, ModelStatus decision, string? comment, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(DesignerRoles.Approver))
        {
            return OperationError.Forbidden("Only approvers review chat-model versions.");
        }

        if (decision == ModelStatus.Rejected && string.IsNullOrWhiteSpace(comment))
        {
            return OperationError.Invalid("A rejection needs a comment.", [new OperationProblem("comment.required", "A rejection needs a comment.", Field: "comment")]);
        }

        var actor = user.ToActor();
        await Governance.WaitAsync(cancellationToken);
        try
        {
            var current = await registry.GetAsync(id, number, cancellationToken);
            if (current is null)
            {
                return OperationError.NotFound($"Chat model '{id}' has no version {number}.");
            }

            if (decision == ModelStatus.Approved && current.RegisteredBy == actor.Id)
            {
                return OperationError.Forbidden("You registered this chat-model version; another approver must approve it (four-eyes rule).");
            }

            if (current.Status != ModelStatus.PendingApproval)
            {
                return OperationError.Conflict($"Chat model {current.Reference} is {current.Status}; only versions pending approval can be reviewed.");
            }

            var action = decision == ModelStatus.Approved ? "chat-model.approved" : "chat-model.rejected";
            if (registry is IAuditedChatModelRegistry audited)
            {
                // Issue 14: pending, four-eyes and the entry are re-checked and written in the row's transaction, so
                // another host's review in between is a conflict, never a second decision.
                return await audited.SetStatusAsync(id, number, ModelStatus.PendingApproval, decision, actor.Id, v =>
                {
                    var entry = Describe(v);
                    entry["comment"] = comment;
                    return new ModelAuditEntry(actor.Id, actor.Name, action, entry);
                }, cancellationToken);
            }

            var updated = await registry.SetStatusAsync(id, number, decision, actor.Id, cancellationToken);
            var data = Describe(updated);
            data["comment"] = comment;
            await audit.AppendAsync(actor, action, "chat-model", updated.Reference, data, cancellationToken);
            return updated;
        }
        catch (ChatModelGovernanceException ex)
        {
            return OperationError.Conflict(string.Join(" ", ex.Problems));
        }
        catch (ModelNotFoundException ex)
        {
            return OperationError.NotFound(ex.Message);
        }
        finally
        {
            Governance.Release();
        }
    }

    private static JsonObject Describe(ChatModelVersion version) => DatabaseChatModelRegistry.Describe(version);
}
