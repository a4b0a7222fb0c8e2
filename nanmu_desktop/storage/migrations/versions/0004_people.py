"""people: officers' 执法证 validity date; a database without departments gets the starter list

Retirement uses the existing `active` flags of officers and departments (False = retired).

Revision ID: 0004_people
Revises: 0003_township
Create Date: 2026-11-30 11:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004_people'
down_revision = '0003_township'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTER TABLE: no constraint changes, so no batch copy is needed.
    op.add_column('officers', sa.Column('badge_valid_until', sa.Date(), nullable=True))
    _starter_departments()


def _starter_departments() -> None:
    """A new database (or one that never had a department) starts with the starter list."""
    from nanmu_desktop.domain.vocabulary import DEFAULT_DEPARTMENTS

    connection = op.get_bind()
    if connection.execute(sa.text("SELECT count(*) FROM departments")).scalar():
        return
    for order, name in enumerate(DEFAULT_DEPARTMENTS, start=1):
        connection.execute(
            sa.text("INSERT INTO departments (name, sort_order, active, created_at, updated_at) "
                    "VALUES (:name, :order, :active, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"),
            {"name": name, "order": order, "active": True},
        )


def downgrade() -> None:
    with op.batch_alter_table('officers', schema=None) as batch_op:
        batch_op.drop_column('badge_valid_until')
