"""service of notice (送达): a notification's recipient role (unit / party), who delivered it and
its 送达回证 (an attachment of the case)

Revision ID: 0008_service_of_notice
Revises: 0007_investigation
Create Date: 2026-11-30 13:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008_service_of_notice'
down_revision = '0007_investigation'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A batch copy of case_notices is safe: no trigger is defined on it.
    with op.batch_alter_table('case_notices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('recipient_role', sa.String(length=10), nullable=True))
        batch_op.add_column(
            sa.Column('delivered_by', sa.String(length=50), nullable=False, server_default='')
        )
        batch_op.add_column(sa.Column('receipt_attachment_id', sa.Integer(), nullable=True))
        batch_op.create_check_constraint(
            'recipient_role',
            "recipient_role IS NULL OR recipient_role IN ('unit', 'party', 'other')",
        )
        batch_op.create_foreign_key(
            batch_op.f('fk_case_notices_receipt_attachment_id_attachments'),
            'attachments', ['receipt_attachment_id'], ['id'], ondelete='SET NULL',
        )
        batch_op.create_index(
            batch_op.f('ix_case_notices_receipt_attachment_id'), ['receipt_attachment_id'],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table('case_notices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_notices_receipt_attachment_id'))
        batch_op.drop_constraint(
            batch_op.f('fk_case_notices_receipt_attachment_id_attachments'), type_='foreignkey'
        )
        batch_op.drop_constraint(batch_op.f('ck_case_notices_recipient_role'), type_='check')
        batch_op.drop_column('receipt_attachment_id')
        batch_op.drop_column('delivered_by')
        batch_op.drop_column('recipient_role')
