using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Designer.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CollectionWeightAndModelChange : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "HybridDenseWeight",
                table: "Collections",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PendingEmbeddingModel",
                table: "Collections",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HybridDenseWeight",
                table: "Collections");

            migrationBuilder.DropColumn(
                name: "PendingEmbeddingModel",
                table: "Collections");
        }
    }
}
