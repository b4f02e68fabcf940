using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Designer.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RunListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Runs_WorkflowId_StartedAt",
                table: "Runs",
                columns: new[] { "WorkflowId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Runs_WorkflowId_VersionNumber_StartedAt",
                table: "Runs",
                columns: new[] { "WorkflowId", "VersionNumber", "StartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Runs_WorkflowId_StartedAt",
                table: "Runs");

            migrationBuilder.DropIndex(
                name: "IX_Runs_WorkflowId_VersionNumber_StartedAt",
                table: "Runs");
        }
    }
}
