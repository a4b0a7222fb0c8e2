"""township: the township's type (乡/镇/苏木/街道, drives the documents' wording) and one 代字
for every document kind (the per-kind 代字 become overrides)

Revision ID: 0003_township
Revises: 0002_legal_truth
Create Date: 2026-11-30 11:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003_township'
down_revision = '0002_legal_truth'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('township_profile', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('township_type', sa.String(length=10), nullable=False,
                      server_default='xiang')
        )
        batch_op.add_column(
            sa.Column('default_prefix', sa.String(length=20), nullable=False, server_default='')
        )
        batch_op.create_check_constraint(
            'ck_township_profile_township_type',
            "township_type IN ('xiang', 'zhen', 'sumu', 'jiedao')",
        )


def downgrade() -> None:
    with op.batch_alter_table('township_profile', schema=None) as batch_op:
        batch_op.drop_constraint('ck_township_profile_township_type', type_='check')
        batch_op.drop_column('default_prefix')
        batch_op.drop_column('township_type')
